/**
 * The Public role's permissions, read by users-permissions for every anonymous request (its strategy's
 * `authenticate` calls `findPublicPermissions`: one query each time), kept for one generation of the
 * content: a write of a permission or a role moves it (`suivreEcrituresHorsDocuments` in
 * src/documents/generation.ts), so the next anonymous request sees the change, in this process at once,
 * from another process within the staleness bound of the generation (README, « Cache et transport »).
 */
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { parGeneration } from '../documents/generation';
import { remplacer } from './remplacements';

type Permission = { action: string } & Record<string, unknown>;

export function mettreEnCachePermissionsPubliques(strapi: Core.Strapi): void {
  const service = strapi.plugin('users-permissions').service('permission') as { findPublicPermissions?: () => Promise<Permission[]> };
  if (typeof service.findPublicPermissions !== 'function') {
    throw new Error('Démarrage refusé : users-permissions n’a plus de findPublicPermissions, les permissions publiques ne peuvent pas être gardées en mémoire.');
  }
  const cache = new CacheParGeneration<readonly Permission[]>(1);
  remplacer<() => Promise<Permission[]>>(service, 'findPublicPermissions', 'performance', (origine) => {
    const lire = origine.bind(service);
    // A copy of the array each time: the caller may not alter the kept one.
    return async () => [...(await parGeneration(strapi, cache, 'public', lire))];
  });
}
