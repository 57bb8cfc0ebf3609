/**
 * « Signaler une erreur » (docs/modele.md, Signalement): reading the anonymous form and writing its
 * emails. Pure: the controller src/api/signalement/controllers/signalement.ts does the I/O.
 */
import { RE_EMAIL } from './validation';

export const UID_SIGNALEMENT = 'api::signalement.signalement';
export const PROJET_SIGNALE_INTROUVABLE = 'Projet introuvable : le champ « projet » doit être l’identifiant (documentId) d’un projet publié.';
/** The only answer to a report (REST and GraphQL): nothing of what was stored is echoed. */
export const ACCUSE_SIGNALEMENT = 'Merci : votre signalement a été transmis à l’équipe éditoriale.';
export const MESSAGE_MIN = 10;
export const MESSAGE_MAX = 2000;
/**
 * Honeypot: a field hidden from people by the front end. Robots fill every field; a filled one gets the
 * usual acknowledgement (so the robot learns nothing) and nothing is stored nor sent.
 */
export const CHAMP_PIEGE = 'siteWeb';

export interface Signalement {
  projet: string;
  message: string;
  email: string | null;
}

export type Lecture = { type: 'valide'; signalement: Signalement } | { type: 'piege' } | { type: 'invalide'; champ: string; message: string };

const texte = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The form as sent (`{ data: { projet, message, email?, siteWeb? } }`), checked field by field, in French. */
export function lireSignalement(corps: unknown): Lecture {
  const data = (corps as { data?: unknown } | null)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { type: 'invalide', champ: 'data', message: 'Le corps de la requête doit être { "data": { "projet", "message", "email" } }.' };
  }
  const d = data as Record<string, unknown>;
  if (texte(d[CHAMP_PIEGE]) !== '') return { type: 'piege' };
  const projet = texte(d.projet);
  if (projet === '') return { type: 'invalide', champ: 'projet', message: 'Le champ « projet » est obligatoire : l’identifiant (documentId) du projet concerné.' };
  const message = texte(d.message);
  if (message === '') return { type: 'invalide', champ: 'message', message: 'Le champ « message » est obligatoire : décrivez l’erreur constatée.' };
  if (message.length < MESSAGE_MIN || message.length > MESSAGE_MAX) {
    return { type: 'invalide', champ: 'message', message: `Le champ « message » doit compter entre ${MESSAGE_MIN} et ${MESSAGE_MAX} caractères (reçu : ${message.length}).` };
  }
  const email = texte(d.email);
  if (d.email !== undefined && d.email !== null && typeof d.email !== 'string') {
    return { type: 'invalide', champ: 'email', message: 'Le champ « email » doit être une adresse électronique valide.' };
  }
  if (email !== '' && !RE_EMAIL.test(email)) return { type: 'invalide', champ: 'email', message: 'Le champ « email » doit être une adresse électronique valide.' };
  return { type: 'valide', signalement: { projet, message, email: email === '' ? null : email.toLowerCase() } };
}

const SIGNATURE = '— Bibliothèque d’IA territoriales';

/** The email to the modérateurs and référents: the projet, the message, the admin link. */
export function courrielSignalement(s: { titreProjet: string; message: string; avecEmail: boolean; lien: string }): { sujet: string; texte: string } {
  return {
    sujet: `[Bibliothèque d’IA] Erreur signalée sur « ${s.titreProjet} »`,
    texte: [
      'Bonjour,',
      '',
      `Un visiteur signale une erreur sur la fiche du projet « ${s.titreProjet} » :`,
      '',
      s.message,
      '',
      s.avecEmail ? 'Il a laissé une adresse : répondez depuis l’administration (champ « Réponse »).' : 'Il n’a pas laissé d’adresse.',
      `Traiter le signalement : ${s.lien}`,
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

/** The email to the visitor who left an address, when a modérateur answers. */
export function courrielReponse(s: { titreProjet: string; message: string; reponse: string }): { sujet: string; texte: string } {
  return {
    sujet: `[Bibliothèque d’IA] Réponse à votre signalement sur « ${s.titreProjet} »`,
    texte: ['Bonjour,', '', `Vous nous avez signalé une erreur sur la fiche du projet « ${s.titreProjet} » :`, '', s.message, '', 'Notre réponse :', '', s.reponse, '', SIGNATURE].join('\n'),
  };
}

/** Whether saving `reponse` must email the visitor: an address, a non-empty answer, not yet answered. */
export function doitRepondre(s: { email?: string | null; reponse?: string | null; reponduLe?: unknown }): boolean {
  return !!s.email && texte(s.reponse) !== '' && !s.reponduLe;
}
