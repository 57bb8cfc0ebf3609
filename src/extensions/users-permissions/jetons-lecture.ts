/**
 * Read-only API tokens see what an approved member sees, never more (rule: `domaine/jetons-api.ts`).
 * Wraps Strapi's `auth.verify`, which every content-API route (authorize middleware) and every GraphQL
 * resolver (wrap-resolvers) calls with the action's scope: one check for REST and GraphQL. The Membre
 * role's actions are read from users-permissions, again whenever the content generation moves (a change
 * of the roles' permissions moves it, whichever process writes).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ROLE_MEMBRE } from '../../domaine/visibilite';
import { jetonLecturePermet } from '../../domaine/jetons-api';
import { CacheParGeneration } from '../../domaine/cache-generation';
import { lireGeneration } from '../../documents/generation';

interface Authentification {
  verify(auth: any, config?: any): Promise<void> | void;
}

export function restreindreJetonsLecture(strapi: Core.Strapi): void {
  const auth = strapi.get('auth') as Authentification;
  if (typeof auth?.verify !== 'function') {
    throw new Error('Démarrage refusé : le service « auth » de Strapi n’a plus de méthode verify, la règle des jetons en lecture seule ne peut pas s’appliquer.');
  }
  const cache = new CacheParGeneration<ReadonlySet<string>>(1);
  const actionsMembre = async (): Promise<ReadonlySet<string>> =>
    cache.obtenir(ROLE_MEMBRE, await lireGeneration(strapi), async () => {
      const permissions = await strapi.db
        .query('plugin::users-permissions.permission')
        .findMany({ where: { role: { type: ROLE_MEMBRE } }, select: ['action'] });
      return new Set(permissions.map((p: { action: string }) => p.action));
    });

  const verifier = auth.verify.bind(auth);
  auth.verify = async (authentification, config) => {
    await verifier(authentification, config);
    const lectureSeule = authentification?.strategy?.name === 'content-api-token' && authentification.credentials?.type === 'read-only';
    if (lectureSeule && config !== false && !jetonLecturePermet(config?.scope, await actionsMembre())) throw new errors.ForbiddenError();
  };
}
