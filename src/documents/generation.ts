/**
 * Generation of the content (docs/adr/cache-reponses-et-generation.md): a counter in the database (database/migrations/…generation-contenu.js),
 * bumped after every write of a document whichever process writes (the CMS, the import command), and
 * by the raw rebuild of the search index. The caches in memory (`CacheParGeneration`: responses,
 * search, statistics, similar projets, public permissions) serve only what they computed at the
 * current generation, so they are exact across processes and instances.
 *
 * Reading it is made cheap for the hit paths: the value read is kept by this process and reused for
 * `generation.fraicheurMs` (1 000 ms by default) counted from the moment the read was *issued*, and
 * one read is shared by all the requests that arrive while it runs. A write made by this process
 * forgets the kept value (at commit when inside a transaction), so the next read here sees it at
 * once. On PostgreSQL, each bump is also announced (`NOTIFY generation_contenu`, at commit) to the
 * other processes, which listen (`ecouterGenerations`) and forget their kept value as soon as it
 * arrives: a write on one instance is read on the others at once. Staleness bound, when that
 * announcement is lost (listening connection down, SQLite): a write committed by another process is
 * seen by every read that starts more than `fraicheurMs` after its commit.
 */
import { performance } from 'perf_hooks';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { Client, type ClientConfig } from 'pg';
import type { CacheParGeneration } from '../domaine/cache-generation';

const TABLE_GENERATION = 'generation_contenu';
/** PostgreSQL channel on which each bump is announced to the other processes. */
const CANAL_GENERATION = 'generation_contenu';
/** How long a value read from the database is reused (configuration key `generation.fraicheurMs`). */
export const FRAICHEUR_GENERATION_MS = 1000;

interface Memoire {
  valeur?: number;
  /** when the read that gave `valeur` was issued */
  lueA: number;
  enCours?: { lecture: Promise<number>; emiseA: number };
  /** bumped by each local write: a read issued before it does not become the kept value */
  epoque: number;
}

const memoires = new WeakMap<Core.Strapi, Memoire>();
const memoire = (strapi: Core.Strapi): Memoire => {
  let m = memoires.get(strapi);
  if (!m) memoires.set(strapi, (m = { lueA: 0, epoque: 0 }));
  return m;
};

export function lireGeneration(strapi: Core.Strapi): Promise<number> {
  const m = memoire(strapi);
  const fraicheur = Number(strapi.config.get('generation.fraicheurMs', FRAICHEUR_GENERATION_MS));
  const maintenant = performance.now();
  if (m.valeur !== undefined && maintenant - m.lueA < fraicheur) return Promise.resolve(m.valeur);
  if (m.enCours && maintenant - m.enCours.emiseA < fraicheur) return m.enCours.lecture;
  const epoque = m.epoque;
  const lecture = strapi.db
    .connection(TABLE_GENERATION)
    .first('generation')
    .then((ligne: { generation?: number | string } | undefined) => {
      const valeur = Number(ligne?.generation ?? 0);
      if (m.epoque === epoque) Object.assign(m, { valeur, lueA: maintenant });
      return valeur;
    })
    .finally(() => {
      if (m.enCours?.lecture === lecture) m.enCours = undefined;
    });
  m.enCours = { lecture, emiseA: maintenant };
  return lecture;
}

/**
 * The value kept in `cache` under `cle` for the current generation, computed by `lire` when absent.
 * Inside a transaction, `lire` is called directly: the generation is read outside any transaction and
 * would wait for the connection the transaction holds (SQLite has one: the write never ends), and a
 * write not yet committed is not in the generation.
 */
export async function parGeneration<T>(strapi: Core.Strapi, cache: CacheParGeneration<T>, cle: string, lire: () => Promise<T>): Promise<T> {
  if (strapi.db.inTransaction()) return lire();
  return cache.obtenir(cle, await lireGeneration(strapi), lire);
}

/** Forgets the value kept by this process: the next `lireGeneration` reads the database. */
function oublierGeneration(strapi: Core.Strapi): void {
  const m = memoire(strapi);
  m.epoque += 1;
  m.valeur = undefined;
  m.enCours = undefined;
}

/** Bumps the generation, inside the transaction `trx` when given. */
export async function avancerGeneration(strapi: Core.Strapi, trx?: Knex): Promise<void> {
  const connexion = trx ?? strapi.db.connection;
  await connexion(TABLE_GENERATION).increment('generation', 1);
  // The other processes listening forget their kept value (delivered at commit inside a transaction).
  if (strapi.db.dialect.client === 'postgres') await connexion.raw(`NOTIFY ${CANAL_GENERATION}`);
  oublierGeneration(strapi);
  // Until the commit, other connections read the old value: forget what they read meanwhile.
  if (trx && strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => oublierGeneration(strapi)));
}

/**
 * After a write (the Document Service's own transaction has committed by then): bumps the generation,
 * awaited, so the HTTP response of a write leaves with the caches already stale. Inside a caller's
 * transaction (the import), bumps within it, and again once it has committed, because a read between
 * the write and the commit would compute, and cache, the old state.
 */
async function signalerEcriture(strapi: Core.Strapi): Promise<void> {
  if (!strapi.db.inTransaction()) return avancerGeneration(strapi);
  await strapi.db.transaction(async ({ trx, onCommit }) => {
    await avancerGeneration(strapi, trx);
    onCommit(() => {
      avancerGeneration(strapi).catch((erreur: Error) => strapi.log.error(`Génération du contenu non avancée : ${erreur.message}`));
    });
  });
}

const ECRITURES_DOCUMENTS: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/** Every write of the Document Service: admin panel, REST, GraphQL, import and scripts all go through it. */
export function suivreEcrituresDocuments(strapi: Core.Strapi): void {
  strapi.documents.use(async (contexte, next) => {
    const resultat = await next();
    if (ECRITURES_DOCUMENTS.has(contexte.action)) await signalerEcriture(strapi);
    return resultat;
  });
}

/**
 * Writes that change what anonymous callers get without going through the Document Service: the
 * permissions of the roles (users-permissions), the media (alternative texts, formats) and, in the
 * core store, the default locale (which locale a read without one gets, kept per generation by
 * src/api-contenu/langue-par-defaut.ts).
 */
const MODELES_HORS_DOCUMENTS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role', 'plugin::upload.file'];
const ACTIONS_ECRITURE = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;
/** Keys of the core store read per generation (`strapi.store.set` writes one row at a time, by id). */
const CLES_MAGASIN_SUIVIES: ReadonlySet<string> = new Set(['plugin_i18n_default_locale']);

export function suivreEcrituresHorsDocuments(strapi: Core.Strapi): void {
  const signaler = () => signalerEcriture(strapi);
  strapi.db.lifecycles.subscribe({ models: MODELES_HORS_DOCUMENTS, ...Object.fromEntries(ACTIONS_ECRITURE.map((action) => [action, signaler])) });
  const signalerCleSuivie = async (evenement: { result?: { key?: unknown } }) => {
    if (CLES_MAGASIN_SUIVIES.has(String(evenement.result?.key))) await signaler();
  };
  strapi.db.lifecycles.subscribe({ models: ['strapi::core-store'], afterCreate: signalerCleSuivie, afterUpdate: signalerCleSuivie });
}

/**
 * Listens, on its own PostgreSQL connection, to the bumps made by the other processes (second instance,
 * import command), and forgets the kept generation at each one. A lost connection is opened again
 * after a second; meanwhile the staleness bound `fraicheurMs` holds. Returns the function that stops.
 */
export function ecouterGenerations(strapi: Core.Strapi): () => Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return async () => undefined;
  const parametres = (strapi.db.config.connection as { connection: string | ClientConfig }).connection;
  let client: Client | null = null;
  let arrete = false;
  let relance: NodeJS.Timeout | undefined;
  const ouvrir = async (): Promise<void> => {
    const nouveau = new Client(typeof parametres === 'string' ? { connectionString: parametres } : parametres);
    const perdu = (erreur?: Error) => {
      if (client !== nouveau) return;
      client = null;
      oublierGeneration(strapi);
      if (arrete) return;
      strapi.log.warn(`Génération du contenu : écoute des autres processus interrompue${erreur ? ` (${erreur.message})` : ''}, reprise dans une seconde`);
      relance = setTimeout(() => void ouvrir(), 1000);
    };
    client = nouveau;
    nouveau.on('notification', () => oublierGeneration(strapi));
    nouveau.on('error', perdu);
    nouveau.on('end', () => perdu());
    try {
      await nouveau.connect();
      await nouveau.query(`LISTEN ${CANAL_GENERATION}`);
      // Whatever was bumped while no one listened.
      oublierGeneration(strapi);
    } catch (erreur) {
      perdu(erreur as Error);
      await nouveau.end().catch(() => undefined);
    }
  };
  void ouvrir();
  return async () => {
    arrete = true;
    clearTimeout(relance);
    const dernier = client;
    client = null;
    await dernier?.end().catch(() => undefined);
  };
}
