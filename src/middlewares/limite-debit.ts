import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { categorieDeRequete, Compteurs, MESSAGES, type ConfigurationLimites } from '../domaine/limite-debit';

/**
 * Global middleware `global::limite-debit`: per-IP limits on login, registration, password reset and
 * the content API (REST and GraphQL). The limits are read from `api.limites` at every request, so
 * they can be changed (or a test can turn them on) without a restart; 429 with a French message.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const compteurs = new Compteurs();
  let precedente: unknown;
  return async (ctx: any, next: () => Promise<void>) => {
    const limites = strapi.config.get('api.limites') as ConfigurationLimites | undefined;
    if (limites !== precedente) {
      compteurs.vider(); // new limits, new windows
      precedente = limites;
    }
    const categorie = categorieDeRequete(ctx.method, ctx.path);
    const limite = categorie && limites?.[categorie];
    if (!categorie || !limite?.actif) return next();
    const decision = compteurs.enregistrer(categorie, ctx.ip, limite, Date.now());
    ctx.set('RateLimit-Limit', String(limite.max));
    ctx.set('RateLimit-Remaining', String(decision.restantes));
    if (!decision.autorise) {
      ctx.set('Retry-After', String(decision.reessayerDans));
      throw new errors.RateLimitError(MESSAGES[categorie], { reessayerDans: decision.reessayerDans });
    }
    return next();
  };
};
