/**
 * GraphQL query `statistiques`: the same counts and visibility as GET /api/statistiques, under the
 * same permission (`api::statistiques.statistiques.find`); the counts by technique (Restreint) are
 * null for a caller who is not a member.
 */
import type { Core } from '@strapi/strapi';
import { statistiquesPour } from '../domaine/statistiques';
import { appelantDepuisAuth, voitRestreint } from '../domaine/visibilite';
import { obtenirStatistiques } from './statistiques';

/** The breakdowns, in the order of the type's fields. */
const REPARTITIONS = ['parThematique', 'parSousThematique', 'parStatut', 'parTypeCollectivite', 'parRegion', 'parAnnee'];

export function etendreGraphqlStatistiques(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').use(({ nexus }: { nexus: any }) => ({
    types: [
      nexus.objectType({
        name: 'StatistiqueCompte',
        description: "Un compte d'une répartition : cle est le slug, la valeur, le code ou l'année (null : non renseigné).",
        definition(t: any) {
          t.string('cle');
          t.nonNull.string('libelle');
          t.nonNull.int('total');
        },
      }),
      nexus.objectType({
        name: 'Statistiques',
        description: 'Comptes des projets publiés.',
        definition(t: any) {
          for (const champ of ['projets', 'collectivites', 'collectivitesPorteuses', 'offreurs']) t.nonNull.int(champ);
          for (const champ of REPARTITIONS) t.nonNull.list.nonNull.field(champ, { type: 'StatistiqueCompte' });
          t.list.nonNull.field('parTechnique', { type: 'StatistiqueCompte', description: 'Réservé aux membres : null pour les autres.' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t: any) {
          t.nonNull.field('statistiques', {
            type: 'Statistiques',
            async resolve(_parent: unknown, _args: unknown, contexte: any) {
              return statistiquesPour(await obtenirStatistiques(strapi), voitRestreint(appelantDepuisAuth(contexte?.state?.auth)));
            },
          });
        },
      }),
    ],
    resolversConfig: { 'Query.statistiques': { auth: { scope: ['api::statistiques.statistiques.find'] } } },
  }));
}
