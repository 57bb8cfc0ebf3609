/** GET /api/{projets,initiatives-gouvernance,ressources}/:documentId/versions[/:numero] — thin: src/versions/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { DOCUMENT_SANS_VERSIONS } from '../../../domaine/versions';
import { versionDuDocument, versionsDuDocument } from '../../../versions/versions';
import { lireRequete, numero } from '../../../versions/requete';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The list: each version without its content (read one to get it). */
  async find(ctx: Context) {
    const { uid, documentId, membre } = lireRequete(ctx);
    const versions = await versionsDuDocument(strapi, uid, documentId, membre);
    if (!versions) throw new errors.NotFoundError(DOCUMENT_SANS_VERSIONS);
    ctx.body = { data: versions.map(({ contenu: _contenu, ...v }) => v), meta: { documentId, total: versions.length } };
  },

  async findOne(ctx: Context) {
    const { uid, documentId, membre } = lireRequete(ctx);
    ctx.body = { data: await versionDuDocument(strapi, uid, documentId, numero(ctx, 'numero'), membre) };
  },
});
