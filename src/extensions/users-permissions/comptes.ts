/**
 * Registration and confirmation e-mails that do not tell whether an address has an account: the same
 * status and body for a new address, an address already registered (confirmed or not, blocked or not)
 * and an unknown one. The owner of an address already registered is told by e-mail instead.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { exigerOrganisation } from '../../bootstrap/espace-confiance';

type Controleur = (ctx: any, ...reste: unknown[]) => Promise<unknown>;

/** users-permissions' messages when the address or user name is taken, or already confirmed, or blocked. */
const DEJA_PRIS = 'Email or Username are already taken';
const REFUS_RENVOI = ['Already confirmed', 'User blocked'];

const COURRIEL_DEJA_INSCRIT = {
  subject: 'Demande d’inscription avec votre adresse — Bibliothèque d’IA territoriales',
  text:
    'Bonjour,\n\nQuelqu’un a demandé à rejoindre l’espace de confiance de la Bibliothèque d’IA territoriales avec votre adresse, ' +
    'qui a déjà un compte : aucun compte n’a été créé. Si c’était vous, connectez-vous, ou choisissez « Mot de passe oublié ». ' +
    'Sinon, ignorez ce courriel.\n',
};
const COURRIEL_NOM_PRIS = {
  subject: 'Nom d’utilisateur déjà pris — Bibliothèque d’IA territoriales',
  text:
    'Bonjour,\n\nVous avez demandé à rejoindre l’espace de confiance de la Bibliothèque d’IA territoriales, mais le nom ' +
    'd’utilisateur choisi est déjà pris : aucun compte n’a été créé. Recommencez avec un autre nom d’utilisateur.\n',
};

/** The answer to every accepted registration: what the caller sent, pending confirmation. */
function reponseInscription(corps: Record<string, unknown>) {
  return {
    user: {
      username: corps.username,
      email: String(corps.email).toLowerCase(),
      organisation: corps.organisation,
      confirmed: false,
      blocked: false,
      approuve: false,
    },
  };
}

async function prevenir(strapi: Core.Strapi, corps: Record<string, unknown>): Promise<void> {
  const email = String(corps.email).toLowerCase();
  const titulaire = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email } });
  // Taken by its address: its owner is told (sent the confirmation again if still pending). Taken by
  // the user name only: the requester is, at its own address.
  const courriel = titulaire ? COURRIEL_DEJA_INSCRIT : COURRIEL_NOM_PRIS;
  try {
    if (titulaire && !titulaire.confirmed && !titulaire.blocked) {
      await strapi.plugin('users-permissions').service('user').sendConfirmationEmail(titulaire);
      return;
    }
    await strapi.plugin('email').service('email').send({ to: email, subject: courriel.subject, text: courriel.text });
  } catch (erreur) {
    strapi.log.error(`Courriel d’inscription refusée non envoyé : ${(erreur as Error).message}`);
  }
}

/** Wraps the `register` and `sendEmailConfirmation` actions of users-permissions' `auth` controller. */
export function comptesSansEnumeration(auth: Record<string, Controleur>, strapi: Core.Strapi): Record<string, Controleur> {
  return {
    ...auth,
    async register(ctx, ...reste) {
      const corps = (ctx.request.body ?? {}) as Record<string, unknown>;
      // Checked first, as users-permissions' own checks are: a refusal must not depend on the address.
      if (corps && typeof corps === 'object' && typeof corps.email === 'string') exigerOrganisation(corps);
      try {
        await auth.register(ctx, ...reste);
      } catch (erreur) {
        if (!(erreur instanceof errors.ApplicationError && erreur.message === DEJA_PRIS)) throw erreur;
        await prevenir(strapi, corps);
        ctx.status = 200;
        ctx.body = reponseInscription(corps);
        return;
      }
      // Without e-mail confirmation (a moderator's setting), the account is open at once: nothing to hide.
      if (ctx.body && typeof ctx.body === 'object' && !('jwt' in ctx.body)) ctx.body = reponseInscription(corps);
    },
    async sendEmailConfirmation(ctx, ...reste) {
      try {
        await auth.sendEmailConfirmation(ctx, ...reste);
      } catch (erreur) {
        if (!(erreur instanceof errors.ApplicationError && REFUS_RENVOI.includes(erreur.message))) throw erreur;
      }
      ctx.status = 200;
      ctx.body = { email: ctx.request.body.email, sent: true };
    },
  };
}
