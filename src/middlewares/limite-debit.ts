import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  categorieAuthentification,
  categorieDeRequete,
  cleCompteur,
  decider,
  MESSAGES,
  type Categorie,
  type ConfigurationLimites,
  type MagasinCompteurs,
} from '../domaine/limite-debit';
import { choisirMagasin, type MagasinChoisi } from '../exploitation/magasins-compteurs';

/**
 * Counts requests of a category per IP in a `MagasinCompteurs` and refuses with a French 429 beyond the
 * limit. The limits are read from `api.limites` at every request, so they can be changed (or a test can
 * turn them on) without a restart: a new configuration opens new windows.
 */
class Limiteur {
  private precedente: unknown;
  private epoque = 0;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly magasin: MagasinCompteurs,
  ) {}

  async compter(ctx: any, categorie: Categorie): Promise<void> {
    const limites = this.strapi.config.get('api.limites') as ConfigurationLimites | undefined;
    if (limites !== this.precedente) {
      this.precedente = limites;
      this.epoque += 1;
    }
    const limite = limites?.[categorie];
    if (!limite?.actif) return;
    const decision = decider(limite, await this.magasin.incrementer(cleCompteur(this.epoque, categorie, ctx.ip), limite.fenetreSecondes * 1000));
    ctx.set('RateLimit-Limit', String(limite.max));
    ctx.set('RateLimit-Remaining', String(decision.restantes));
    if (!decision.autorise) {
      ctx.set('Retry-After', String(decision.reessayerDans));
      throw new errors.RateLimitError(MESSAGES[categorie], { reessayerDans: decision.reessayerDans });
    }
  }
}

const limiteurs = new WeakMap<Core.Strapi, { limiteur: Limiteur; magasin: MagasinChoisi }>();

/** The one limiter of this process, counting in the store its configuration names (exploitation/magasins-compteurs.ts). */
function limiteur(strapi: Core.Strapi): Limiteur {
  let existant = limiteurs.get(strapi);
  if (!existant) {
    const magasin = choisirMagasin(strapi);
    existant = { limiteur: new Limiteur(strapi, magasin.magasin), magasin };
    limiteurs.set(strapi, existant);
  }
  return existant.limiteur;
}

/**
 * Counts one more request of `categorie` for the caller of `ctx` (French 429 beyond the limit): for the
 * writes that reach the CMS by another path than their REST one (the GraphQL mutations `signalerErreur`, `sAbonner`).
 */
export function compterRequete(strapi: Core.Strapi, ctx: any, categorie: Categorie): Promise<void> {
  return limiteur(strapi).compter(ctx, categorie);
}

/** Opens the store at start, so that a shared one is connected before the first request. */
export function ouvrirLimiteur(strapi: Core.Strapi): void {
  limiteur(strapi);
}

/** Closes the connection of the shared store, if one was opened (at shutdown). */
export async function fermerLimiteur(strapi: Core.Strapi): Promise<void> {
  const existant = limiteurs.get(strapi);
  limiteurs.delete(strapi);
  await existant?.magasin.fermer();
}

/**
 * Replaces users-permissions' `rateLimit` middleware, which Strapi runs on its REST authentication routes
 * and, for each GraphQL `login`, `register`, `forgotPassword`, `resetPassword` and `changePassword` field
 * (aliases and batched operations included), under the REST path: one window per category whatever the path.
 */
export function limiteAuthentification(strapi: Core.Strapi) {
  return async (ctx: any, next: () => Promise<unknown>) => {
    const categorie = categorieAuthentification(ctx.path);
    if (categorie) await limiteur(strapi).compter(ctx, categorie);
    return next();
  };
}

/**
 * Global middleware `global::limite-debit`: the content API (REST and GraphQL together) and the reports
 * of errors and the subscriptions to the alerts, per IP. Authentication requests are counted by `limiteAuthentification`, on their route.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    const categorie = categorieDeRequete(ctx.method, ctx.path);
    if (categorie === 'api' || categorie === 'signalement' || categorie === 'abonnement') await limiteur(strapi).compter(ctx, categorie);
    return next();
  };
