/** GET /api/collectivites/:documentId/synthese — thin: no query parameter accepted, 404 when unknown; the synthesis is in src/syntheses/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parametresInconnus } from '../../../domaine/parametres';
import { COLLECTIVITE_INTROUVABLE, syntheseCollectivite } from '../../../syntheses/syntheses';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const inconnus = parametresInconnus(ctx.query, []);
    if (inconnus) throw new errors.ValidationError(inconnus);
    const data = await syntheseCollectivite(strapi, String(ctx.params.documentId));
    if (!data) throw new errors.NotFoundError(COLLECTIVITE_INTROUVABLE);
    ctx.body = { data };
  },
});
