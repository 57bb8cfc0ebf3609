/** GET /api/statistiques — thin: checks the query, picks what the caller may see; the counts are in src/statistiques/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parametresInconnus } from '../../../domaine/parametres';
import { statistiquesPour } from '../../../domaine/statistiques';
import { appelantDepuisAuth, voitRestreint } from '../../../domaine/visibilite';
import { obtenirStatistiques } from '../../../statistiques/statistiques';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const inconnus = parametresInconnus(ctx.query, []);
    if (inconnus) throw new errors.ValidationError(inconnus);
    ctx.body = { data: statistiquesPour(await obtenirStatistiques(strapi), voitRestreint(appelantDepuisAuth(ctx.state.auth))), meta: {} };
  },
});
