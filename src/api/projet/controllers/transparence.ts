/** GET /api/projets/:documentId/transparence — thin: no parameter accepted, 404 for an unknown projet; the fiche is built in src/transparence/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parametresInconnus } from '../../../domaine/parametres';
import { PROJET_INTROUVABLE } from '../../../transparence/projet-public';
import { lireFiche } from '../../../transparence/lecture';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const inconnus = parametresInconnus(ctx.query, []);
    if (inconnus) throw new errors.ValidationError(inconnus);
    const lue = await lireFiche(strapi, { documentId: String(ctx.params.documentId) });
    if (!lue) throw new errors.NotFoundError(PROJET_INTROUVABLE);
    ctx.body = { data: { ...lue.fiche, adresses: lue.adresses } };
  },
});
