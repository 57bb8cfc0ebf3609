/**
 * Trust-space accounts: a member belongs to an organisation and is approved by a modérateur (or by the
 * allow-list of email domains, see `bootstrap/espace-confiance.ts`). Labels: `admin-config/libelles/utilisateur.ts`.
 * Also: registration without account enumeration (`comptes.ts`), one rate limit for the REST and GraphQL
 * authentication paths (`middlewares/limite-debit.ts`), read-only tokens bound to the Membre role
 * (`jetons-lecture.ts`).
 */
import type { Core } from '@strapi/strapi';
import { comptesSansEnumeration } from './comptes';
import { restreindreJetonsLecture } from './jetons-lecture';
import { limiteAuthentification } from '../../middlewares/limite-debit';

const ATTRIBUTS_MEMBRE = {
  organisation: { type: 'string', maxLength: 200 },
  approuve: { type: 'boolean', default: false },
} as const;

type Fabrique = (arguments_: { strapi: Core.Strapi }) => any;

interface Plugin {
  contentTypes: Record<string, { schema: { attributes: Record<string, unknown> } }>;
  controllers: Record<string, Fabrique | Record<string, any>>;
  middlewares: Record<string, unknown>;
  register?: (arguments_: { strapi: Core.Strapi }) => unknown;
}

export default (plugin: Plugin) => {
  Object.assign(plugin.contentTypes.user.schema.attributes, ATTRIBUTS_MEMBRE);

  const auth = plugin.controllers.auth;
  if (typeof auth !== 'function' || typeof plugin.middlewares.rateLimit !== 'function') {
    throw new Error('Démarrage refusé : users-permissions a changé (contrôleur « auth » ou middleware « rateLimit » introuvable).');
  }
  plugin.controllers.auth = ({ strapi }) => comptesSansEnumeration(auth({ strapi }), strapi);
  plugin.middlewares.rateLimit = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => limiteAuthentification(strapi);

  const register = plugin.register;
  plugin.register = async ({ strapi }) => {
    await register?.({ strapi });
    restreindreJetonsLecture(strapi);
  };
  return plugin;
};
