/**
 * GraphQL mutation `signalerErreur`: POST /api/signalements for GraphQL front-ends, with the same
 * checks, errors, answer and limit (the `signalement` window, counted here since the request's path is
 * /graphql). Anyone may call it, like the REST route.
 */
import type { Core } from '@strapi/strapi';
import { ACCUSE_SIGNALEMENT, CHAMP_PIEGE } from '../domaine/signalement';
import { compterRequete } from '../middlewares/limite-debit';
import { signaler } from './signalements';

interface Arguments {
  projet: string;
  message: string;
  email?: string | null;
  siteWeb?: string | null;
}

export function etendreGraphqlSignalements(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').use(({ nexus }: { nexus: any }) => ({
    types: [
      nexus.objectType({
        name: 'AccuseErreurSignalee',
        definition(t: any) {
          t.nonNull.boolean('recu');
          t.nonNull.string('message');
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t: any) {
          t.nonNull.field('signalerErreur', {
            type: 'AccuseErreurSignalee',
            description: 'Signaler une erreur sur la fiche d’un projet publié (sans compte). Laisser `siteWeb` vide : c’est un champ piège.',
            args: {
              projet: nexus.nonNull(nexus.idArg()),
              message: nexus.nonNull(nexus.stringArg()),
              email: nexus.stringArg(),
              [CHAMP_PIEGE]: nexus.stringArg(),
            },
            async resolve(_parent: unknown, args: Arguments, contexte: { koaContext: unknown }) {
              await compterRequete(strapi, contexte.koaContext, 'signalement');
              await signaler(strapi, { data: args });
              return { recu: true, message: ACCUSE_SIGNALEMENT };
            },
          });
        },
      }),
    ],
    resolversConfig: { 'Mutation.signalerErreur': { auth: false } },
  }));
}
