/** GET /api/recherche — thin: reads the caller and the parameters, the search is in src/recherche/. */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { appelantDepuisAuth, voitRestreint } from '../../../domaine/visibilite';
import { ErreurParametre, lireParametres } from '../../../domaine/recherche/parametres';
import { rechercher } from '../../../recherche/recherche';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const membre = voitRestreint(appelantDepuisAuth(ctx.state.auth));
    let parametres;
    try {
      parametres = lireParametres(ctx.query, membre);
    } catch (erreur) {
      if (erreur instanceof ErreurParametre) throw new errors.ValidationError(erreur.message, { parametre: erreur.parametre });
      throw erreur;
    }
    ctx.body = await rechercher(strapi, parametres, membre);
  },
});
