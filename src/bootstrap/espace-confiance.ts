import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ROLE_MEMBRE } from '../domaine/visibilite';
import { domaineAutorise } from '../domaine/domaines-membres';

const UTILISATEUR = 'plugin::users-permissions.user';

/** Registration settings of the trust space (users-permissions « advanced » settings). */
const REGLAGES_INSCRIPTION = {
  allow_register: true,
  email_confirmation: true,
  default_role: ROLE_MEMBRE,
  unique_email: true,
} as const;

/** Emails of users-permissions, in French (its template syntax), keyed by template and English default subject. */
const COURRIELS: Record<string, { defaut: string; object: string; message: string }> = {
  email_confirmation: {
    defaut: 'Account confirmation',
    object: 'Confirmez votre adresse — Bibliothèque d’IA territoriales',
    message:
      '<p>Bonjour,</p><p>Vous avez demandé à rejoindre l’espace de confiance de la Bibliothèque d’IA territoriales.</p>' +
      '<p>Confirmez votre adresse en suivant ce lien :</p><p><a href="<%= URL %>?confirmation=<%= CODE %>"><%= URL %>?confirmation=<%= CODE %></a></p>' +
      '<p>Un modérateur validera ensuite votre compte, sauf si votre adresse appartient à un domaine déjà reconnu.</p>',
  },
  reset_password: {
    defaut: 'Reset password',
    object: 'Réinitialisation de votre mot de passe — Bibliothèque d’IA territoriales',
    message:
      '<p>Bonjour,</p><p>Pour choisir un nouveau mot de passe, suivez ce lien :</p><p><%= URL %>?code=<%= TOKEN %></p>' +
      '<p>Si vous n’avez rien demandé, ignorez ce courriel.</p>',
  },
};

/** « Nom <adresse> » → { name, email }. */
function expediteur(valeur: string): { name: string; email: string } {
  const morceaux = valeur.match(/^\s*(.*?)\s*<([^>]+)>\s*$/);
  return morceaux ? { name: morceaux[1], email: morceaux[2] } : { name: '', email: valeur.trim() };
}

/** Every account names its organisation (checked at creation, and before any other registration check). */
export function exigerOrganisation(donnees: Record<string, unknown>): void {
  if (typeof donnees.organisation !== 'string' || donnees.organisation.trim() === '') {
    throw new errors.ValidationError('Le champ « Organisation » (organisation) est obligatoire.', {
      errors: [{ path: ['organisation'], message: 'Le champ « Organisation » (organisation) est obligatoire.' }],
    });
  }
}

/**
 * The Membre role, registration with email confirmation, the French confirmation email, and the rules
 * applied to every new account: an organisation is required, and the account is approved at once only
 * when its email domain is on the allow-list (MEMBRES_DOMAINES_AUTORISES). Idempotent.
 */
export async function configurerEspaceConfiance(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.db.query('plugin::users-permissions.role');
  if (!(await roles.findOne({ where: { type: ROLE_MEMBRE } }))) {
    await roles.create({
      data: { name: 'Membre', type: ROLE_MEMBRE, description: 'Membre approuvé ou en attente de l’espace de confiance' },
    });
    strapi.log.info('Rôle Membre créé');
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const avances = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (Object.entries(REGLAGES_INSCRIPTION).some(([cle, valeur]) => avances[cle] !== valeur)) {
    await store.set({ key: 'advanced', value: { ...avances, ...REGLAGES_INSCRIPTION } });
  }
  const courriels = ((await store.get({ key: 'email' })) ?? {}) as Record<string, any>;
  const from = expediteur(String(strapi.config.get('plugin::email.settings.defaultFrom', '')));
  let traduits = 0;
  for (const [cle, { defaut, object, message }] of Object.entries(COURRIELS)) {
    const options = courriels[cle]?.options;
    // Only the untouched English default is replaced: a moderator's own wording is kept.
    if (!options || options.object !== defaut) continue;
    courriels[cle].options = { ...options, from, object, message };
    traduits += 1;
  }
  if (traduits > 0) await store.set({ key: 'email', value: courriels });

  strapi.db.lifecycles.subscribe({
    models: [UTILISATEUR],
    beforeCreate(event) {
      const donnees = (event.params.data ?? {}) as Record<string, unknown>;
      exigerOrganisation(donnees);
      // Defaults are already applied here (approuve: false): the allow-list can only turn it on.
      if (donnees.approuve !== true) {
        const motifs = strapi.config.get('plugin::users-permissions.domainesAutorises', []) as string[];
        donnees.approuve = typeof donnees.email === 'string' && domaineAutorise(donnees.email, motifs);
      }
    },
  });
}
