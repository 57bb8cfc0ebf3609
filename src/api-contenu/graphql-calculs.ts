/**
 * GraphQL queries `statistiques` and `projetsSimilaires`: the same services, checks and visibility as
 * GET /api/statistiques and GET /api/projets/:documentId/similaires (same permission actions).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { lireLimite } from '../domaine/parametres';
import { statistiquesPour } from '../domaine/statistiques';
import { appelantDepuisAuth, voitRestreint } from '../domaine/visibilite';
import { LIMITE_SIMILAIRES } from '../domaine/similarite';
import { PROJET_INTROUVABLE } from '../api/projet/controllers/similaires';
import type { ServiceStatistiques } from '../api/statistiques/services/statistiques';
import type { ServiceSimilaires } from '../api/projet/services/similaires';

const TYPES = /* GraphQL */ `
  "Un compte d'une répartition : cle est le slug, la valeur, le code ou l'année (null : non renseigné)."
  type StatistiqueCompte {
    cle: String
    libelle: String!
    total: Int!
  }
  "Comptes des projets publiés."
  type Statistiques {
    projets: Int!
    collectivites: Int!
    collectivitesPorteuses: Int!
    offreurs: Int!
    parThematique: [StatistiqueCompte!]!
    parSousThematique: [StatistiqueCompte!]!
    parStatut: [StatistiqueCompte!]!
    parTypeCollectivite: [StatistiqueCompte!]!
    parRegion: [StatistiqueCompte!]!
    parAnnee: [StatistiqueCompte!]!
    "Réservé aux membres : null pour les autres."
    parTechnique: [StatistiqueCompte!]
  }
  type CollectiviteSimilaire {
    nom: String!
    slug: String
  }
  type ProjetSimilaire {
    documentId: ID!
    slug: String
    nom: String!
    resume: String
    collectivite: CollectiviteSimilaire
    score: Float!
    raisons: [String!]!
  }
  extend type Query {
    statistiques: Statistiques!
    projetsSimilaires(documentId: ID!, limit: Int): [ProjetSimilaire!]!
  }
`;

const membre = (contexte: any) => voitRestreint(appelantDepuisAuth(contexte?.state?.auth));

export function etendreGraphqlCalculs(strapi: Core.Strapi): void {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      typeDefs: TYPES,
      resolvers: {
        Query: {
          async statistiques(_parent: unknown, _args: unknown, contexte: any) {
            const service = strapi.service('api::statistiques.statistiques') as unknown as ServiceStatistiques;
            return statistiquesPour(await service.obtenir(), membre(contexte));
          },
          async projetsSimilaires(_parent: unknown, args: { documentId: string; limit?: number | null }, contexte: any) {
            const limite = lireLimite(args.limit ?? undefined, LIMITE_SIMILAIRES.defaut, LIMITE_SIMILAIRES.max);
            if (!limite.ok) throw new errors.ValidationError(limite.message);
            const service = strapi.service('api::projet.similaires') as unknown as ServiceSimilaires;
            const similaires = await service.similaires(args.documentId, limite.valeur, membre(contexte));
            if (!similaires) throw new errors.NotFoundError(PROJET_INTROUVABLE);
            return similaires;
          },
        },
      },
      resolversConfig: {
        'Query.statistiques': { auth: { scope: ['api::statistiques.statistiques.find'] } },
        'Query.projetsSimilaires': { auth: { scope: ['api::projet.similaires.find'] } },
      },
    }));
}
