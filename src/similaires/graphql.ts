/**
 * GraphQL query `projetsSimilaires(documentId, limit)`: the same checks, visibility and errors as
 * GET /api/projets/:documentId/similaires, under the same permission (`api::projet.similaires.find`).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { lireLimite } from '../domaine/parametres';
import { LIMITE_SIMILAIRES } from '../domaine/similarite';
import { appelantDepuisAuth, voitRestreint } from '../domaine/visibilite';
import { PROJET_INTROUVABLE } from '../transparence/projet-public';
import { projetsSimilaires } from './similaires';

export function etendreGraphqlSimilaires(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').use(({ nexus }: { nexus: any }) => ({
    types: [
      nexus.objectType({
        name: 'CollectiviteSimilaire',
        definition(t: any) {
          t.nonNull.string('nom');
          t.string('slug');
        },
      }),
      nexus.objectType({
        name: 'ProjetSimilaire',
        definition(t: any) {
          t.nonNull.id('documentId');
          t.string('slug');
          t.nonNull.string('nom');
          t.string('resume');
          t.field('collectivite', { type: 'CollectiviteSimilaire' });
          t.nonNull.float('score');
          t.nonNull.list.nonNull.string('raisons');
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t: any) {
          t.nonNull.list.nonNull.field('projetsSimilaires', {
            type: 'ProjetSimilaire',
            args: { documentId: nexus.nonNull(nexus.idArg()), limit: nexus.intArg() },
            async resolve(_parent: unknown, args: { documentId: string; limit?: number | null }, contexte: any) {
              const limite = lireLimite(args.limit ?? undefined, LIMITE_SIMILAIRES.defaut, LIMITE_SIMILAIRES.max);
              if (!limite.ok) throw new errors.ValidationError(limite.message);
              const similaires = await projetsSimilaires(strapi, args.documentId, limite.valeur, voitRestreint(appelantDepuisAuth(contexte?.state?.auth)));
              if (!similaires) throw new errors.NotFoundError(PROJET_INTROUVABLE);
              return similaires;
            },
          });
        },
      }),
    ],
    resolversConfig: { 'Query.projetsSimilaires': { auth: { scope: ['api::projet.similaires.find'] } } },
  }));
}
