/** GET /api/projets/:documentId/export/<registre>.json — thin: 404 for an unknown projet; the mapping is in src/transparence/exports/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { lireProjetPublic } from '../../../transparence/projet-public';
import { exporterProjet, type NomRegistre } from '../../../transparence/exports/registres';
import { PROJET_INTROUVABLE } from '../../../similaires/similaires';
import { adressePublique } from '../../../config/adresse-publique';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const base = () => adressePublique(strapi);

  const exporter = (nom: NomRegistre) => async (ctx: Context) => {
    const projet = await lireProjetPublic(strapi, { documentId: String(ctx.params.documentId) });
    if (!projet) throw new errors.NotFoundError(PROJET_INTROUVABLE);
    ctx.body = exporterProjet(nom, projet, base());
  };

  return {
    algoritmeregister: exporter('algoritmeregister'),
    atrs: exporter('atrs'),
    aiAct: exporter('ai-act'),
  };
};
