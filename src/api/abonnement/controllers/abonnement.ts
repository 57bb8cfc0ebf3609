/** Alerts by theme — thin: reads the form (src/domaine/abonnement.ts), the work is in src/abonnements/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { CHEMIN_CONFIRMER, CHEMIN_DESABONNER, lireAbonnement, MESSAGE_ACCUSE, pageHtml } from '../../../domaine/abonnement';
import { confirmerAbonnement, desabonner, enregistrerAbonnement, jetonDesabonnementValide, lireReferentiel } from '../../../abonnements/abonnements';

/** The only answer: the same whether the address was known, confirmed or new (no enumeration). */
export const ACCUSE_ABONNEMENT = { data: { recu: true }, meta: { message: MESSAGE_ACCUSE } };

const LIEN_INVALIDE = 'Ce lien n’est pas (ou plus) valable : il a peut-être déjà servi, ou la demande a expiré. Abonnez-vous de nouveau depuis le site.';

function page(ctx: Context, statut: number, corps: string): void {
  ctx.status = statut;
  ctx.type = 'text/html; charset=utf-8';
  // A page per token: never kept by a cache, never sent to another site.
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = corps;
}

const jeton = (ctx: Context): string => (typeof ctx.query.jeton === 'string' ? ctx.query.jeton : '');
const action = (chemin: string, valeur: string) => `${chemin}?jeton=${encodeURIComponent(valeur)}`;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const referentiel = await lireReferentiel(strapi);
    const lecture = lireAbonnement((ctx.request as { body?: unknown }).body, referentiel);
    if (lecture.type === 'invalide') throw new errors.ValidationError(lecture.message, { champ: lecture.champ });
    // Honeypot filled: a robot gets the usual answer; nothing stored nor sent.
    if (lecture.type === 'valide') await enregistrerAbonnement(strapi, lecture.demande, referentiel.noms);
    ctx.status = 202;
    ctx.body = ACCUSE_ABONNEMENT;
  },

  /** GET: a button only (mail scanners open the links of a message; a GET changes nothing). */
  async pageConfirmer(ctx: Context) {
    const valeur = jeton(ctx);
    if (valeur === '') return page(ctx, 400, pageHtml('Lien incomplet', LIEN_INVALIDE));
    page(ctx, 200, pageHtml('Confirmer l’abonnement', 'Pour recevoir les alertes demandées à cette adresse, confirmez.', { libelle: 'Confirmer mon abonnement', action: action(CHEMIN_CONFIRMER, valeur) }));
  },

  async confirmer(ctx: Context) {
    if (!(await confirmerAbonnement(strapi, jeton(ctx)))) return page(ctx, 404, pageHtml('Lien non valable', LIEN_INVALIDE));
    page(ctx, 200, pageHtml('Abonnement confirmé', 'Merci : vous recevrez les nouveaux projets correspondant à vos critères. Chaque courriel contient un lien pour vous désabonner.'));
  },

  async pageDesabonner(ctx: Context) {
    const valeur = jeton(ctx);
    if (!jetonDesabonnementValide(strapi, valeur)) return page(ctx, 404, pageHtml('Lien non valable', LIEN_INVALIDE));
    page(ctx, 200, pageHtml('Se désabonner', 'Vous ne recevrez plus aucune alerte et votre adresse sera effacée.', { libelle: 'Me désabonner', action: action(CHEMIN_DESABONNER, valeur) }));
  },

  /** The page's button and the mail client's RFC 8058 one-click POST (`List-Unsubscribe=One-Click`). */
  async desabonner(ctx: Context) {
    if (!(await desabonner(strapi, jeton(ctx)))) return page(ctx, 404, pageHtml('Lien non valable', LIEN_INVALIDE));
    page(ctx, 200, pageHtml('Désabonnement effectué', 'Votre adresse a été effacée : vous ne recevrez plus d’alertes.'));
  },
});
