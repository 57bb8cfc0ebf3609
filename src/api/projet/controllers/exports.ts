/** GET /api/projets/:documentId/export/<registre>.json — thin: no parameter accepted, 404 for an unknown projet; the mapping is in src/transparence/exports/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parametresInconnus } from '../../../domaine/parametres';
import { lireProjetPublic, PROJET_INTROUVABLE } from '../../../transparence/projet-public';
import { exporterProjet, type NomRegistre } from '../../../transparence/exports/registres';
import { adressePublique } from '../../../config/adresse-publique';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const base = () => adressePublique(strapi);

  const exporter = (nom: NomRegistre) => async (ctx: Context) => {
    const inconnus = parametresInconnus(ctx.query, []);
    if (inconnus) throw new errors.ValidationError(inconnus);
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
