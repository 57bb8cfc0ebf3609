import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  categorieAuthentification,
  categorieDeRequete,
  cleCompteur,
  decider,
  MagasinMemoire,
  MESSAGES,
  type Categorie,
  type ConfigurationLimites,
  type MagasinCompteurs,
} from '../domaine/limite-debit';

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

const limiteurs = new WeakMap<Core.Strapi, Limiteur>();

/** The one limiter of this process (the counters in memory; a shared `MagasinCompteurs` would go here). */
function limiteur(strapi: Core.Strapi): Limiteur {
  let existant = limiteurs.get(strapi);
  if (!existant) {
    existant = new Limiteur(strapi, new MagasinMemoire());
    limiteurs.set(strapi, existant);
  }
  return existant;
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
 * Global middleware `global::limite-debit`: the content API (REST and GraphQL together) per IP.
 * Authentication requests are counted by `limiteAuthentification`, on their route.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (categorieDeRequete(ctx.method, ctx.path) === 'api') await limiteur(strapi).compter(ctx, 'api');
    return next();
  };
