/**
 * GraphQL mutation `sAbonner(email, thematiques, region, typeCollectivite, frequence, siteWeb)`: the same
 * checks, answer and rate-limit window as POST /api/abonnements, for anyone. Its types name no
 * subscription: nothing of a stored one is ever readable.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CHAMP_PIEGE, lireChamps, MESSAGE_ACCUSE } from '../domaine/abonnement';
import { compterRequete } from '../middlewares/limite-debit';
import { enregistrerAbonnement, lireReferentiel } from './abonnements';

export function etendreGraphqlAbonnements(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').use(({ nexus }: { nexus: any }) => ({
    types: [
      nexus.objectType({
        name: 'AccuseAlertes',
        definition(t: any) {
          t.nonNull.boolean('recu');
          t.nonNull.string('message');
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t: any) {
          t.nonNull.field('sAbonner', {
            type: 'AccuseAlertes',
            description: 'S’abonner aux alertes par thème (double confirmation par courriel). Même réponse que l’adresse soit connue ou non.',
            args: {
              email: nexus.nonNull(nexus.stringArg()),
              thematiques: nexus.nonNull(nexus.list(nexus.nonNull(nexus.stringArg()))),
              region: nexus.stringArg(),
              typeCollectivite: nexus.stringArg(),
              frequence: nexus.stringArg(),
              [CHAMP_PIEGE]: nexus.stringArg(),
            },
            async resolve(_parent: unknown, args: Record<string, unknown>, contexte: { koaContext: unknown }) {
              await compterRequete(strapi, contexte.koaContext, 'abonnement');
              const referentiel = await lireReferentiel(strapi);
              const lecture = lireChamps(args, referentiel);
              if (lecture.type === 'invalide') throw new errors.ValidationError(lecture.message, { champ: lecture.champ });
              if (lecture.type === 'valide') await enregistrerAbonnement(strapi, lecture.demande, referentiel.noms);
              return { recu: true, message: MESSAGE_ACCUSE };
            },
          });
        },
      }),
    ],
    resolversConfig: { 'Mutation.sAbonner': { auth: false } },
  }));
}
