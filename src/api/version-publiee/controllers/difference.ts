/** GET /api/{projets,initiatives-gouvernance,ressources}/:documentId/versions/:de/difference/:a — thin: src/versions/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { differenceVersions } from '../../../versions/versions';
import { lireRequete, numero } from '../../../versions/requete';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { uid, documentId, membre } = lireRequete(ctx);
    ctx.body = { data: await differenceVersions(strapi, uid, documentId, numero(ctx, 'de'), numero(ctx, 'a'), membre) };
  },
});
