/**
 * GraphQL `me` without a member account (anonymous, API token): users-permissions throws a plain
 * Error, which Apollo answers as INTERNAL_SERVER_ERROR in English. Here it is what it is: an
 * authentication refusal, in French (code FORBIDDEN, as for every refusal of the content API).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const MESSAGE_SANS_COMPTE = 'La requête « me » répond pour un membre connecté (JWT) : un jeton d’API ou un appel anonyme n’a pas de compte.';

export function etendreGraphqlCompte(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').use(() => ({
    resolvers: {
      Query: {
        me(_parent: unknown, _args: unknown, contexte: { state?: { user?: unknown } }) {
          const utilisateur = contexte?.state?.user;
          if (!utilisateur) throw new errors.UnauthorizedError(MESSAGE_SANS_COMPTE);
          return utilisateur;
        },
      },
    },
  }));
}
