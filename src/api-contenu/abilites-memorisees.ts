/**
 * The content API's abilities kept by their permissions. users-permissions and API tokens build a CASL
 * ability for every request (`engine.generateAbility`: each permission through the engine's hooks, one
 * promise chain each), about 5 % of the processor time of a read. Without conditions nor options, an
 * ability depends only on its permissions and on the engine's hooks, registered once at start: the
 * same permissions give the same ability, which requests only read (`ability.can`). So one is built per
 * distinct set of permissions (the Public role's, the Membre role's, a token's) and shared.
 */
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { remplacer } from './remplacements';

type PermissionApi = { action: string; subject?: unknown; properties?: unknown; conditions?: unknown[] } & Record<string, unknown>;
type GenererAbilite = (permissions: PermissionApi[], options?: Record<string, unknown>) => Promise<unknown>;

/** Distinct sets of permissions kept (roles and tokens); the least recently used are forgotten first. */
const CAPACITE = 200;

/**
 * Key of an ability, or null when it is to be built each time: options given, a permission with
 * conditions (their handlers may read the request), or permissions JSON cannot write as they are. Pure.
 */
export function cleAbilite(permissions: unknown, options?: unknown): string | null {
  if (!Array.isArray(permissions)) return null;
  if (options !== undefined && (options === null || typeof options !== 'object' || Object.keys(options).length > 0)) return null;
  if (permissions.some((p) => p === null || typeof p !== 'object' || (Array.isArray((p as PermissionApi).conditions) && (p as PermissionApi).conditions!.length > 0))) return null;
  try {
    return JSON.stringify(permissions, (_cle, valeur: unknown) => {
      if (typeof valeur === 'function' || typeof valeur === 'symbol' || typeof valeur === 'bigint') throw new TypeError('valeur qui n’est pas une donnée');
      return valeur;
    });
  } catch {
    return null;
  }
}

export function memoriserAbilites(strapi: Core.Strapi): void {
  const moteur = (strapi as unknown as { contentAPI?: { permissions?: { engine?: { generateAbility?: GenererAbilite } } } }).contentAPI?.permissions?.engine;
  if (typeof moteur?.generateAbility !== 'function') {
    throw new Error('Démarrage refusé : le moteur de permissions de l’API de contenu n’a plus de generateAbility, ses abilités ne peuvent pas être gardées en mémoire.');
  }
  const cache = new CacheParGeneration<unknown>(CAPACITE);
  remplacer<GenererAbilite>(moteur, 'generateAbility', 'performance', (origine) => (permissions, options) => {
    const cle = cleAbilite(permissions, options);
    const generer = () => origine.call(moteur, permissions, options);
    // Hooks and conditions providers do not change while Strapi runs: one « generation » for all.
    return cle === null ? generer() : cache.obtenir(cle, 0, generer);
  });
}
