/**
 * Bridge between the test files and the Strapi booted by the global setup. Test files run in their own
 * module registry and cannot reach that Strapi object, but Node's core modules are shared: the global
 * setup listens on a `diagnostics_channel` for configuration changes and for the switch to Strapi's own
 * functions (`restaurerStrapi` of src/api-contenu/remplacements.ts), and publishes the SQL it runs.
 */
import diagnosticsChannel from 'diagnostics_channel';
import type { Groupe } from '../../src/api-contenu/remplacements';
import type { CritereProjet, ProjetPublic } from '../../src/transparence/projet-public';
import type { BilanVerification, OptionsVerification } from '../../src/qualite/liens';

export const CANAL_CONFIGURATION = 'bibliotheque-tests:configuration';
export const CANAL_SQL = 'bibliotheque-tests:sql';
export const CANAL_CHEMIN_STRAPI = 'bibliotheque-tests:chemin-strapi';
export const CANAL_SQL_DIRECT = 'bibliotheque-tests:sql-direct';
export const CANAL_PROJET_PUBLIC = 'bibliotheque-tests:projet-public';
export const CANAL_RESUMES_HEBDOMADAIRES = 'bibliotheque-tests:resumes-hebdomadaires';
export const CANAL_PURGE_JOURNAL = 'bibliotheque-tests:purge-journal';
export const CANAL_VERIFIER_LIENS = 'bibliotheque-tests:verifier-liens';
export const CANAL_TACHES_DEMARRAGE = 'bibliotheque-tests:taches-demarrage';

/** A message on CANAL_SQL_DIRECT: a statement with `?` placeholders, answered in `reponse` (its rows). */
export interface MessageSqlDirect {
  sql: string;
  valeurs: readonly unknown[];
  reponse?: Promise<Array<Record<string, unknown>>>;
}

/**
 * A message on CANAL_CHEMIN_STRAPI. Subscribers run synchronously inside `publish` and cannot throw to
 * the publisher (Node reports their errors as uncaught): the global setup answers in `reponse`.
 */
export type MessageCheminStrapi = { action: 'restaurer'; groupes: readonly Groupe[]; reponse?: ReponseCheminStrapi } | { action: 'reinstaller' | 'etat'; reponse?: ReponseCheminStrapi };
export interface ReponseCheminStrapi {
  /** Groups currently put back to Strapi's functions, null on the project's path. */
  restaures: readonly Groupe[] | null;
  /** On `restaurer`: the functions of Strapi's objects the switch changed (`db.entityManager.load`…). */
  changees?: string[];
  erreur?: string;
}

/** Changes a configuration value of the running Strapi (synchronously). */
export function configurer(cle: string, valeur: unknown): void {
  const canal = diagnosticsChannel.channel(CANAL_CONFIGURATION);
  if (!canal.hasSubscribers) throw new Error('Le pont de configuration n’est pas branché : la mise en place globale n’a pas tourné');
  canal.publish({ cle, valeur });
}

/** Runs `action` and returns the SQL statements the HTTP requests it makes sent to the database meanwhile. */
export async function requetesSql<T>(action: () => Promise<T>): Promise<{ resultat: T; sql: string[] }> {
  const sql: string[] = [];
  const ecouter = (message: unknown) => sql.push(String(message));
  diagnosticsChannel.subscribe(CANAL_SQL, ecouter);
  try {
    const resultat = await action();
    return { resultat, sql };
  } finally {
    diagnosticsChannel.unsubscribe(CANAL_SQL, ecouter);
  }
}

/**
 * Runs one SQL statement on the running Strapi's database (knex `?` placeholders), for the states no
 * API can reach (a damaged link table). Returns the selected rows (empty for other statements).
 */
export function executerSql(sql: string, valeurs: readonly unknown[] = []): Promise<Array<Record<string, unknown>>> {
  const canal = diagnosticsChannel.channel(CANAL_SQL_DIRECT);
  if (!canal.hasSubscribers) throw new Error('Le pont SQL n’est pas branché : la mise en place globale n’a pas tourné');
  const message: MessageSqlDirect = { sql, valeurs };
  canal.publish(message);
  if (!message.reponse) throw new Error('Le pont SQL n’a pas répondu');
  return message.reponse;
}

/** A message on CANAL_PROJET_PUBLIC: `lireProjetPublic` of src/transparence/projet-public.ts, answered in `reponse`. */
export interface MessageProjetPublic {
  critere: CritereProjet;
  reponse?: Promise<ProjetPublic | null>;
}

/** What the running Strapi's `lireProjetPublic` returns for this projet (the reading the fiche de transparence relies on). */
export function lireProjetPublicDansStrapi(critere: CritereProjet): Promise<ProjetPublic | null> {
  const canal = diagnosticsChannel.channel(CANAL_PROJET_PUBLIC);
  if (!canal.hasSubscribers) throw new Error('Le pont « projet public » n’est pas branché : la mise en place globale n’a pas tourné');
  const message: MessageProjetPublic = { critere };
  canal.publish(message);
  if (!message.reponse) throw new Error('Le pont « projet public » n’a pas répondu');
  return message.reponse;
}

/** A message on CANAL_RESUMES_HEBDOMADAIRES: `envoyerResumesHebdomadaires` of src/abonnements/abonnements.ts, answered in `reponse`. */
export interface MessageResumes {
  /** ISO date: a Date of the test file's realm is not one for Strapi's (the database driver refuses it). */
  maintenant: string;
  reponse?: Promise<number>;
}

/** Runs the weekly digests of the alerts in the running Strapi as if it were `maintenant`; the number of emails queued. */
export function envoyerResumesDansStrapi(maintenant: Date): Promise<number> {
  const canal = diagnosticsChannel.channel(CANAL_RESUMES_HEBDOMADAIRES);
  if (!canal.hasSubscribers) throw new Error('Le pont des résumés n’est pas branché : la mise en place globale n’a pas tourné');
  const message: MessageResumes = { maintenant: maintenant.toISOString() };
  canal.publish(message);
  if (!message.reponse) throw new Error('Le pont des résumés n’a pas répondu');
  return message.reponse;
}

/** A message on CANAL_PURGE_JOURNAL: one pass of `purgerJournal` (src/journal/journal.ts), its count in `reponse`. */
export interface MessagePurgeJournal {
  reponse?: Promise<number>;
}

/** Runs the audit journal's purge now in the running Strapi, as its timer would; returns the entries deleted. */
export function purgerJournalDansStrapi(): Promise<number> {
  const canal = diagnosticsChannel.channel(CANAL_PURGE_JOURNAL);
  if (!canal.hasSubscribers) throw new Error('Le pont « purge du journal » n’est pas branché : la mise en place globale n’a pas tourné');
  const message: MessagePurgeJournal = {};
  canal.publish(message);
  if (!message.reponse) throw new Error('Le pont « purge du journal » n’a pas répondu');
  return message.reponse;
}

function cheminStrapi(message: MessageCheminStrapi): ReponseCheminStrapi {
  const canal = diagnosticsChannel.channel(CANAL_CHEMIN_STRAPI);
  if (!canal.hasSubscribers) throw new Error('Le pont « chemin de Strapi » n’est pas branché : la mise en place globale n’a pas tourné');
  canal.publish(message);
  if (!message.reponse) throw new Error('Le pont « chemin de Strapi » n’a pas répondu');
  if (message.reponse.erreur) throw new Error(message.reponse.erreur);
  return message.reponse;
}

/** Which groups the running Strapi has put back to Strapi's own functions (null: the project's path). */
export const groupesRestaures = (): readonly Groupe[] | null => cheminStrapi({ action: 'etat' }).restaures;

/**
 * Runs `action` with the running Strapi on its own functions for `groupes` (the project's replacements
 * of these groups removed), and always reinstalls them afterwards, failure or not. Not reentrant: a
 * switch while one is active is refused. `action` receives the names of the functions the switch
 * changed, so that a test can check it really switched.
 */
export async function avecCheminStrapi<T>(action: (changees: readonly string[]) => Promise<T>, groupes: readonly Groupe[] = ['performance']): Promise<T> {
  const { changees = [] } = cheminStrapi({ action: 'restaurer', groupes });
  try {
    return await action(changees);
  } finally {
    cheminStrapi({ action: 'reinstaller' });
  }
}

/** A message on CANAL_VERIFIER_LIENS: `verifierLiens` of src/qualite/liens.ts, answered in `reponse`. */
export interface MessageVerifierLiens {
  options: OptionsVerification;
  reponse?: Promise<BilanVerification>;
}

/** Runs the running Strapi's link checker now (the periodic job is off in the tests). */
export function verifierLiensDansStrapi(options: OptionsVerification): Promise<BilanVerification> {
  const canal = diagnosticsChannel.channel(CANAL_VERIFIER_LIENS);
  if (!canal.hasSubscribers) throw new Error('Le pont « vérifier les liens » n’est pas branché : la mise en place globale n’a pas tourné');
  const message: MessageVerifierLiens = { options };
  canal.publish(message);
  if (!message.reponse) throw new Error('Le pont « vérifier les liens » n’a pas répondu');
  return message.reponse;
}

/** A message on CANAL_TACHES_DEMARRAGE: the start-up completions (first versions, missing scores), the scores computed in `reponse`. */
export interface MessageTachesDemarrage {
  reponse?: Promise<number>;
}

/** Runs again, in the running Strapi, the start-up tasks that complete what older writes left out. */
export function tachesDemarrageDansStrapi(): Promise<number> {
  const canal = diagnosticsChannel.channel(CANAL_TACHES_DEMARRAGE);
  if (!canal.hasSubscribers) throw new Error('Le pont « tâches de démarrage » n’est pas branché : la mise en place globale n’a pas tourné');
  const message: MessageTachesDemarrage = {};
  canal.publish(message);
  if (!message.reponse) throw new Error('Le pont « tâches de démarrage » n’a pas répondu');
  return message.reponse;
}
