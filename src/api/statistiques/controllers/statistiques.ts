/** GET /api/statistiques — thin: checks the query, picks what the caller may see. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parametresInconnus } from '../../../domaine/parametres';
import { statistiquesPour } from '../../../domaine/statistiques';
import { appelantDepuisAuth, voitRestreint } from '../../../domaine/visibilite';
import type { ServiceStatistiques } from '../services/statistiques';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const inconnus = parametresInconnus(ctx.query, []);
    if (inconnus) throw new errors.ValidationError(inconnus);
    const service = strapi.service('api::statistiques.statistiques') as unknown as ServiceStatistiques;
    ctx.body = { data: statistiquesPour(await service.obtenir(), voitRestreint(appelantDepuisAuth(ctx.state.auth))), meta: {} };
  },
});
