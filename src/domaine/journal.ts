/**
 * Journal d’audit: who did what and when, for modérateurs and Super Admins (docs/journal.md). The pure
 * part: the actions, who the author of a request is, what of a write is kept (field names, never
 * values), the retention rule. The glue with Strapi is in src/journal/journal.ts. Pure: no Strapi import.
 */
import { UID_ABONNEMENT } from './abonnement';
import { UID_VERSION } from './versions';

export const UID_JOURNAL = 'api::journal.entree-journal';
/** The members' accounts, followed on the Document Service like the application's documents. */
export const UID_COMPTE_MEMBRE = 'plugin::users-permissions.user';

/**
 * Types whose writes are not journaled: the journal itself; the published versions, written by every
 * publication (already journaled) and by the start-up; the alert subscriptions, a stranger's address
 * that unsubscribing must erase for good, not leave in the journal for its retention period.
 */
const NON_SUIVIS: ReadonlySet<string> = new Set([UID_JOURNAL, UID_VERSION, UID_ABONNEMENT]);

/** Whether the Document Service writes of `uid` are journaled: the application's documents and the members' accounts. */
export const estSuivi = (uid: string): boolean => !NON_SUIVIS.has(uid) && (uid.startsWith('api::') || uid === UID_COMPTE_MEMBRE);

/** Every action the journal records (their French words: src/admin-config/valeurs.ts). */
export const ACTIONS_JOURNAL = [
  'creation',
  'modification',
  'suppression',
  'publication',
  'depublication',
  'transition',
  'rattachement',
  'connexion',
  'echec_connexion',
  'deconnexion',
  'compte_cree',
  'compte_modifie',
  'compte_supprime',
  'role_modifie',
  'import',
  'jeton_cree',
  'jeton_supprime',
  'purge',
] as const;

export type ActionJournal = (typeof ACTIONS_JOURNAL)[number];

export const SYSTEME = 'Système';

/** An entry as stored (table `journal`), `date` set by the writer. */
export interface EntreeJournal {
  action: ActionJournal;
  auteur: string;
  auteurId: number | null;
  roleAuteur: string | null;
  typeCible: string | null;
  uidCible: string | null;
  documentCible: string | null;
  libelleCible: string | null;
  details: Record<string, unknown> | null;
}

export type Auteur = Pick<EntreeJournal, 'auteur' | 'auteurId' | 'roleAuteur'>;

export const AUTEUR_SYSTEME: Auteur = { auteur: SYSTEME, auteurId: null, roleAuteur: null };

/** A person as Strapi's admin (or members') user objects give it. */
export interface Personne {
  id?: number | string;
  email?: string | null;
  username?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  roles?: Array<{ name?: string }> | null;
  role?: { name?: string } | null;
}

const LONGUEUR_TEXTE = 255;
const court = (texte: string) => (texte.length > LONGUEUR_TEXTE ? `${texte.slice(0, LONGUEUR_TEXTE - 1)}…` : texte);

/** « Prénom Nom <email> », or what there is of it. */
export function auteurPersonne(p: Personne): Auteur {
  const nom = [p.firstname, p.lastname].filter(Boolean).join(' ') || p.username || '';
  const email = p.email ?? '';
  const texte = nom && email ? `${nom} <${email}>` : nom || email || `Utilisateur ${p.id ?? '?'}`;
  const roles = (p.roles ?? (p.role ? [p.role] : [])).map((r) => r.name).filter((n): n is string => Boolean(n));
  const id = Number(p.id);
  return { auteur: court(texte), auteurId: Number.isInteger(id) ? id : null, roleAuteur: roles.length > 0 ? court(roles.join(', ')) : null };
}

/** What Strapi puts in `ctx.state` of a request (admin, API token or users-permissions). */
export interface EtatRequete {
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string; type?: string } | null };
  user?: Personne;
}

/** The author of the current request; the Système for scripts and the start-up. */
export function auteurDepuisEtat(etat: EtatRequete | undefined): Auteur {
  if (!etat) return AUTEUR_SYSTEME;
  const strategie = etat.auth?.strategy?.name;
  if (strategie === 'admin' && etat.user) return auteurPersonne(etat.user);
  if (strategie === 'api-token') {
    const jeton = etat.auth?.credentials;
    return { auteur: court(`Jeton d’API « ${jeton?.name ?? '?'} »`), auteurId: null, roleAuteur: `Jeton d’API (${jeton?.type ?? '?'})` };
  }
  if (strategie === 'users-permissions' && etat.user) return { ...auteurPersonne(etat.user), roleAuteur: 'Membre' };
  return { auteur: 'Anonyme', auteurId: null, roleAuteur: null };
}

/** Attributes Strapi sets itself: not worth naming in an entry. */
const CHAMPS_SYSTEME = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

/** The names of the fields a write sends, never their values (sorted, Strapi's own left out). */
export function champsEnvoyes(data: unknown): string[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.keys(data)
    .filter((c) => !CHAMPS_SYSTEME.has(c))
    .sort();
}

/** The memberships of a collectivité (admin users), the fields whose change is a `rattachement`. */
export const CHAMPS_MEMBRES = ['referents', 'contributeurs'] as const;

export interface ChangementMembres {
  ajoutes: number[];
  retires: number[];
  /** `set` (or a plain list): the whole list replaced by these ids */
  remplaces?: number[];
}

/** The ids of a relation list (ids or objects with an id). */
export function idsDe(liste: unknown): number[] {
  if (!Array.isArray(liste)) return [];
  return liste
    .map((e) => Number(typeof e === 'object' && e !== null ? (e as { id?: unknown }).id : e))
    .filter((id) => Number.isInteger(id));
}

/**
 * The admin users added to or removed from a collectivité's référents and contributeurs by a write's
 * data (relation syntax of the Document Service: connect, disconnect, set, or a plain list of ids);
 * null when the write changes neither. Only ids: nothing is read.
 */
export function changementsMembres(data: unknown): Partial<Record<(typeof CHAMPS_MEMBRES)[number], ChangementMembres>> | null {
  if (!data || typeof data !== 'object') return null;
  const resultat: Partial<Record<(typeof CHAMPS_MEMBRES)[number], ChangementMembres>> = {};
  for (const champ of CHAMPS_MEMBRES) {
    const valeur = (data as Record<string, unknown>)[champ];
    if (valeur === undefined || valeur === null) continue;
    if (Array.isArray(valeur)) {
      resultat[champ] = { ajoutes: [], retires: [], remplaces: idsDe(valeur) };
      continue;
    }
    if (typeof valeur !== 'object') continue;
    const { connect, disconnect, set } = valeur as { connect?: unknown; disconnect?: unknown; set?: unknown };
    const changement: ChangementMembres = { ajoutes: idsDe(connect), retires: idsDe(disconnect) };
    if (Array.isArray(set)) changement.remplaces = idsDe(set);
    if (changement.ajoutes.length > 0 || changement.retires.length > 0 || changement.remplaces) resultat[champ] = changement;
  }
  return Object.keys(resultat).length > 0 ? resultat : null;
}

/** Actions of the Document Service that write, and what the journal calls them. */
const ACTIONS_DOCUMENTS: Readonly<Record<string, ActionJournal>> = {
  create: 'creation',
  clone: 'creation',
  update: 'modification',
  discardDraft: 'modification',
  delete: 'suppression',
  publish: 'publication',
  unpublish: 'depublication',
};

export const estEcritureDocument = (action: string): boolean => action in ACTIONS_DOCUMENTS;

/**
 * The entry of one write of the Document Service, from what the write already holds (its parameters
 * and result): the field names sent, the membership changes, never a value nor an extra read.
 */
export function entreeDocument(ecriture: {
  action: string;
  uid: string;
  typeCible: string;
  data?: unknown;
  documentId?: string | null;
  libelle?: string | null;
  auteur: Auteur;
}): EntreeJournal | null {
  const action = ACTIONS_DOCUMENTS[ecriture.action];
  if (!action) return null;
  const champs = champsEnvoyes(ecriture.data);
  const membres = ecriture.uid === 'api::collectivite.collectivite' ? changementsMembres(ecriture.data) : null;
  const details: Record<string, unknown> = {};
  if (champs.length > 0) details.champs = champs;
  if (membres) details.membres = membres;
  if (ecriture.action === 'clone' || ecriture.action === 'discardDraft') details.operation = ecriture.action;
  return {
    action: action === 'modification' && membres ? 'rattachement' : action,
    ...ecriture.auteur,
    typeCible: ecriture.typeCible,
    uidCible: ecriture.uid,
    documentCible: ecriture.documentId ?? null,
    libelleCible: ecriture.libelle ? court(ecriture.libelle) : null,
    details: Object.keys(details).length > 0 ? details : null,
  };
}

/** An update of an admin account: `role_modifie` when its roles changed (ids before and after), else `compte_modifie`. */
export function actionCompte(rolesAvant: readonly number[] | null, rolesApres: readonly number[] | null): ActionJournal {
  if (!rolesAvant || !rolesApres) return 'compte_modifie';
  const liste = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b).join(',');
  return liste(rolesAvant) === liste(rolesApres) ? 'compte_modifie' : 'role_modifie';
}

export const CONSERVATION_PAR_DEFAUT_JOURS = 365;

/** JOURNAL_CONSERVATION_JOURS: a whole number of days, 0 keeps everything; anything else is refused. */
export function lireConservation(valeur: string | undefined): number {
  if (valeur === undefined || valeur.trim() === '') return CONSERVATION_PAR_DEFAUT_JOURS;
  if (!/^\d+$/.test(valeur.trim())) {
    throw new Error(`JOURNAL_CONSERVATION_JOURS doit être un nombre entier de jours (0 : garder pour toujours), pas « ${valeur} ».`);
  }
  return Number(valeur.trim());
}

/** Entries dated before this are purged; null when the journal is kept forever. */
export function limitePurge(maintenant: Date, jours: number): Date | null {
  return jours > 0 ? new Date(maintenant.getTime() - jours * 24 * 60 * 60 * 1000) : null;
}
