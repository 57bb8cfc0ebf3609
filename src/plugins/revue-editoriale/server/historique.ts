/** Recording a transition: history row, then one outbox email per recipient, in the caller's transaction. */
import type { Core, UID } from '@strapi/strapi';
import { destinataires, message } from './notifications';
import { NOM_ROLE_MODERATEUR, UID_COURRIEL, UID_TRANSITION } from './constantes';
import type { Acteur, DocumentRevu, Personne } from './documents';
import { aUneVersionPubliee } from './lecture';
import { LIBELLES_ETATS, LIBELLES_ROLES, PARTICIPES_ACTIONS, estEtat, type Action, type Etat, type Role } from './machine';
import type { Instantane, Soumission } from './differences';

export interface Transition {
  document: DocumentRevu;
  action: Action | 'modifier';
  de: Etat;
  vers: Etat;
  acteur: Acteur | null;
  role: Role | 'systeme';
  commentaire?: string | null;
  /** The submitted draft, for « soumettre ». */
  instantane?: Instantane;
}

const SYSTEME = 'Système (script ou jeton d’API)';

/** E-mail addresses of the active modérateurs. */
export async function emailsModerateurs(strapi: Core.Strapi): Promise<string[]> {
  const moderateurs = (await strapi.db.query('admin::user').findMany({
    select: ['email'],
    where: { isActive: true, blocked: false, roles: { name: NOM_ROLE_MODERATEUR } },
  })) as Personne[];
  return moderateurs.map((m) => m.email);
}

/** The content-manager page of a document. */
export function lienAdmin(strapi: Core.Strapi, document: { uid: string; documentId: string }): string {
  const base = String(strapi.config.get('admin.absoluteUrl', 'http://localhost:1337/admin')).replace(/\/$/, '');
  return `${base}/content-manager/collection-types/${document.uid}/${document.documentId}`;
}

export async function enregistrerTransition(strapi: Core.Strapi, t: Transition): Promise<number> {
  const auteur = t.acteur?.nom ?? SYSTEME;
  await strapi.db.query(UID_TRANSITION).create({
    data: {
      cible: t.document.uid,
      documentCible: t.document.documentId,
      action: t.action,
      de: t.de,
      vers: t.vers,
      auteurId: t.acteur?.id ?? null,
      auteurNom: auteur,
      role: t.role,
      commentaire: t.commentaire ?? null,
      instantane: t.instantane ?? null,
    },
  });

  const emails = destinataires(t.vers, {
    referents: (t.document.collectivite?.referents ?? []).map((p) => p.email),
    moderateurs: t.vers === 'en_moderation' ? await emailsModerateurs(strapi) : [],
    auteur: t.document.createdBy?.email ?? null,
  });
  const { sujet, texte } = message({
    titre: t.document.titre,
    typeDocument: strapi.getModel(t.document.uid as UID.Schema).info.displayName,
    action: t.action,
    de: t.de,
    vers: t.vers,
    auteur,
    role: t.role,
    commentaire: t.commentaire,
    lien: lienAdmin(strapi, t.document),
  });
  await mettreEnFile(strapi, emails, { sujet, texte });
  return emails.length;
}

/**
 * Queues one email per recipient in the outbox (boite-envoi.ts sends them): the one way the application
 * sends mail, so a failing SMTP server never fails the caller and nothing is lost across a restart.
 */
export async function mettreEnFile(
  strapi: Core.Strapi,
  destinataires: readonly string[],
  courriel: { sujet: string; texte: string; entetes?: Record<string, string> },
): Promise<void> {
  const { sujet, texte, entetes } = courriel;
  // The application queues its own emails here too (signalements). With the plugin disabled
  // (REVUE_EDITORIALE=false) there is no outbox: sent at once, a failure logged and never thrown.
  if (!strapi.getModel(UID_COURRIEL as UID.Schema)) {
    for (const destinataire of destinataires) {
      try {
        await strapi.plugin('email').service('email').send({ to: destinataire, subject: sujet, text: texte, ...(entetes ? { headers: entetes } : {}) });
      } catch (erreur) {
        strapi.log.warn(`Courriel à ${destinataire} non envoyé (pas de boîte d’envoi sans la revue éditoriale) : ${erreur instanceof Error ? erreur.message : String(erreur)}`);
      }
    }
    return;
  }
  const maintenant = new Date();
  for (const destinataire of destinataires) {
    await strapi.db.query(UID_COURRIEL).create({ data: { destinataire, sujet, texte, entetes: entetes ?? null, tentatives: 0, prochaineTentative: maintenant } });
  }
}

export interface EntreeHistorique {
  action: string;
  de: string;
  vers: string;
  auteur: string;
  role: string;
  date: string;
  commentaire: string | null;
  /** The same in French words, for the review panel. */
  libelles: { action: string; de: string; vers: string; role: string };
}

const libelleEtat = (etat: string) => (estEtat(etat) ? LIBELLES_ETATS[etat] : etat);
const LIBELLES_ROLES_HISTORIQUE: Record<string, string> = { ...LIBELLES_ROLES, systeme: 'Système' };

async function lignesHistorique(strapi: Core.Strapi, uid: string, documentId: string, where: Record<string, unknown> = {}) {
  return (await strapi.db.query(UID_TRANSITION).findMany({
    where: { cible: uid, documentCible: documentId, ...where },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })) as Array<Record<string, any>>;
}

export async function lireHistorique(strapi: Core.Strapi, uid: string, documentId: string): Promise<EntreeHistorique[]> {
  const lignes = await lignesHistorique(strapi, uid, documentId);
  return lignes.map((l) => ({
    action: l.action,
    de: l.de,
    vers: l.vers,
    auteur: l.auteurNom,
    role: l.role,
    date: new Date(l.createdAt).toISOString(),
    commentaire: l.commentaire ?? null,
    libelles: {
      action: PARTICIPES_ACTIONS[l.action as keyof typeof PARTICIPES_ACTIONS] ?? l.action, // what was done: « Soumis », « Validé »…
      de: libelleEtat(l.de),
      vers: libelleEtat(l.vers),
      role: LIBELLES_ROLES_HISTORIQUE[l.role] ?? l.role,
    },
  }));
}

/** The snapshots taken at each submission, oldest first. */
export async function lireSoumissions(strapi: Core.Strapi, uid: string, documentId: string): Promise<Soumission[]> {
  const lignes = await lignesHistorique(strapi, uid, documentId, { action: 'soumettre' });
  return lignes.filter((l) => l.instantane).map((l) => ({ date: new Date(l.createdAt).toISOString(), instantane: l.instantane as Instantane }));
}

export async function dejaPublie(strapi: Core.Strapi, document: DocumentRevu): Promise<boolean> {
  if (await aUneVersionPubliee(strapi, document.uid, document.documentId)) return true;
  return (await strapi.db.query(UID_TRANSITION).count({ where: { cible: document.uid, documentCible: document.documentId, vers: 'publie' } })) > 0;
}

