/**
 * GraphQL query `recherche(q, filtres, pagination)`: the same parameters, rules and result as
 * GET /api/recherche, under the same permission (`api::recherche.recherche.find`); a member's JWT
 * searches the Restreint data too. A bad parameter is a BAD_USER_INPUT error with the REST message.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { appelantDepuisAuth, voitRestreint } from '../domaine/visibilite';
import { DIMENSIONS, ErreurParametre, lireParametres, type Entree } from '../domaine/recherche/parametres';
import { rechercher } from './recherche';

interface Arguments {
  q?: string | null;
  filtres?: Record<string, string[] | null> | null;
  pagination?: { page?: number | null; pageSize?: number | null } | null;
}

/** The GraphQL arguments in the shape of the REST query string, for the one reader of both. */
function entree({ q, filtres, pagination }: Arguments): Entree {
  const resultat: Entree = {};
  if (q !== null && q !== undefined) resultat.q = q;
  for (const [dimension, valeurs] of Object.entries(filtres ?? {})) if (valeurs) resultat[dimension] = valeurs;
  if (pagination?.page !== null && pagination?.page !== undefined) resultat.page = String(pagination.page);
  if (pagination?.pageSize !== null && pagination?.pageSize !== undefined) resultat.pageSize = String(pagination.pageSize);
  return resultat;
}

export function etendreGraphqlRecherche(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').use(({ nexus }: { nexus: any }) => ({
    types: [
      nexus.objectType({
        name: 'RechercheCollectivite',
        definition(t: any) {
          t.nonNull.string('nom');
          t.string('slug');
          t.string('type');
        },
      }),
      nexus.objectType({
        name: 'RechercheThematique',
        definition(t: any) {
          t.nonNull.string('nom');
          t.string('slug');
        },
      }),
      nexus.objectType({
        name: 'RechercheProjet',
        definition(t: any) {
          t.nonNull.id('documentId');
          t.nonNull.string('slug');
          t.nonNull.string('nom');
          t.string('resume');
          t.string('statut');
          t.field('collectivite', { type: 'RechercheCollectivite' });
          t.field('thematique', { type: 'RechercheThematique' });
          t.float('score');
          t.string('extrait', { description: 'Passage trouvé, HTML échappé, mots trouvés entre <mark> et </mark>.' });
        },
      }),
      nexus.objectType({
        name: 'RechercheValeurFacette',
        definition(t: any) {
          t.nonNull.string('valeur');
          t.nonNull.string('libelle');
          t.nonNull.int('nombre');
        },
      }),
      nexus.objectType({
        name: 'RechercheFacettes',
        definition(t: any) {
          for (const dimension of DIMENSIONS) t.list.nonNull.field(dimension, { type: 'RechercheValeurFacette' });
        },
      }),
      nexus.objectType({
        name: 'RecherchePagination',
        definition(t: any) {
          for (const champ of ['page', 'pageSize', 'pageCount', 'total']) t.nonNull.int(champ);
        },
      }),
      nexus.objectType({
        name: 'RechercheMeta',
        definition(t: any) {
          t.nonNull.field('pagination', { type: 'RecherchePagination' });
          t.nonNull.field('facettes', { type: 'RechercheFacettes' });
        },
      }),
      nexus.objectType({
        name: 'RechercheResultat',
        definition(t: any) {
          t.nonNull.list.nonNull.field('data', { type: 'RechercheProjet' });
          t.nonNull.field('meta', { type: 'RechercheMeta' });
        },
      }),
      nexus.inputObjectType({
        name: 'RechercheFiltresInput',
        definition(t: any) {
          for (const dimension of DIMENSIONS) t.list.nonNull.string(dimension);
        },
      }),
      nexus.inputObjectType({
        name: 'RecherchePaginationInput',
        definition(t: any) {
          t.int('page');
          t.int('pageSize');
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t: any) {
          t.nonNull.field('recherche', {
            type: 'RechercheResultat',
            args: { q: 'String', filtres: 'RechercheFiltresInput', pagination: 'RecherchePaginationInput' },
            async resolve(_parent: unknown, args: Arguments, contexte: any) {
              const membre = voitRestreint(appelantDepuisAuth(contexte?.state?.auth));
              try {
                return await rechercher(strapi, lireParametres(entree(args), membre), membre);
              } catch (erreur) {
                if (erreur instanceof ErreurParametre) throw new errors.ValidationError(erreur.message, { parametre: erreur.parametre });
                throw erreur;
              }
            },
          });
        },
      }),
    ],
    resolversConfig: { 'Query.recherche': { auth: { scope: ['api::recherche.recherche.find'] } } },
  }));
}
