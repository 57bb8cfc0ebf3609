/** GET /api/projets/:documentId/similaires — thin: checks the query, 404 for an unknown projet; the ranking is in src/similaires/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { lireLimite, parametresInconnus } from '../../../domaine/parametres';
import { appelantDepuisAuth, voitRestreint } from '../../../domaine/visibilite';
import { LIMITE_SIMILAIRES } from '../../../domaine/similarite';
import { projetsSimilaires } from '../../../similaires/similaires';
import { PROJET_INTROUVABLE } from '../../../transparence/projet-public';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const inconnus = parametresInconnus(ctx.query, ['limit']);
    if (inconnus) throw new errors.ValidationError(inconnus);
    const limite = lireLimite(ctx.query.limit, LIMITE_SIMILAIRES.defaut, LIMITE_SIMILAIRES.max);
    if (!limite.ok) throw new errors.ValidationError(limite.message);
    const data = await projetsSimilaires(strapi, String(ctx.params.documentId), limite.valeur, voitRestreint(appelantDepuisAuth(ctx.state.auth)));
    if (!data) throw new errors.NotFoundError(PROJET_INTROUVABLE);
    ctx.body = { data, meta: { limit: limite.valeur } };
  },
});
