/**
 * The dedicated path of collection reads (README, « Performance »), for every caller: REST and GraphQL,
 * anonymous, members, API tokens, the admin panel.
 *
 * Strapi answers a page filtered through a relation with `SELECT DISTINCT t0.* … JOIN … ORDER BY …
 * LIMIT 25`: the DISTINCT over every column cannot walk an index in the order asked, so the database
 * reads and sorts every matching row before keeping 25 (tens of milliseconds at 50,000 projets, and
 * growing with them). Here the same query, built by Strapi's own query builder from the same `where`
 * (hence the same filters, search and visibility), selects only the sort keys and the id: `DISTINCT
 * nom, id … ORDER BY nom, id LIMIT 25` walks the index and stops at 25. The page's rows are read in
 * the same statement, `WHERE id IN (<that query>) ORDER BY nom, id`, without join, and its relations
 * populated by Strapi, one query per relation.
 *
 * Counts are kept per generation of the content (src/documents/generation.ts): the same filters are
 * counted once until the next write. Reads of the Document Service (findMany, findOne, findFirst,
 * count) run without the transaction Strapi opens around every call: at READ COMMITTED it gave them
 * no consistency, only a BEGIN and a COMMIT round trip each — except those populating several
 * relations side by side (`populateSansConcurrence`).
 *
 * Replaces `entityManager.findMany`, `entityManager.count` and `db.transaction` of Strapi's internals:
 * `verifierFormeLectures` refuses to start when they, or the query builder relied on, no longer have
 * the shape this module was written against. Any query shape not handled here (no relation filter, no
 * page, sort through a relation, grouping) goes to Strapi unchanged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { lireGeneration } from '../documents/generation';
import { remplacer } from './remplacements';

/** The database-level parameters of `entityManager.findMany` / `count` (after the Document Service). */
export interface ParametresLecture {
  where?: unknown;
  filters?: unknown;
  _q?: unknown;
  select?: unknown;
  orderBy?: unknown;
  groupBy?: unknown;
  limit?: unknown;
  offset?: unknown;
  populate?: unknown;
  [autre: string]: unknown;
}

interface EtatRequete {
  joins: unknown[];
  /** after processing: `{ column: 't0.nom', order }` entries (raw expressions excluded by `triSimple`) */
  orderBy: Array<{ column?: string }>;
}
interface ConstructeurRequete {
  init(params: ParametresLecture): ConstructeurRequete;
  getKnexQuery(): unknown;
  shouldUseDeepSort(): boolean;
  execute(options?: { mapResults?: boolean }): Promise<unknown>;
  state: EtatRequete;
  alias: string;
}
interface Gestionnaire {
  createQueryBuilder(uid: string): ConstructeurRequete;
  findMany(uid: string, params: ParametresLecture): Promise<Array<Record<string, unknown>>>;
  count(uid: string, params?: ParametresLecture): Promise<number>;
}
interface SousRequete {
  clearSelect(): SousRequete;
  distinct(colonnes: string[]): SousRequete;
  as(alias: string): unknown;
}
type Transaction = (cb?: (contexte: unknown) => unknown) => Promise<unknown>;

const TYPES_CONCERNES = /^api::/;
const LECTURES_DOCUMENTS: ReadonlySet<string> = new Set(['findMany', 'findOne', 'findFirst', 'count']);
const NON_SCALAIRES: ReadonlySet<string> = new Set(['relation', 'component', 'dynamiczone', 'media']);

export type Tri = Array<Record<string, 'asc' | 'desc'>>;

/**
 * The sort as a list of `{ attribute: direction }` on the model's own scalar attributes, or null when
 * it sorts through anything else (a relation, a component, Strapi's computed `status`). Pure.
 */
export function triSimple(orderBy: unknown, attributs: Record<string, { type: string }>): Tri | null {
  const scalaire = (nom: string) => nom !== 'status' && attributs[nom] !== undefined && !NON_SCALAIRES.has(attributs[nom].type);
  const entrees = orderBy === undefined || orderBy === null ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  const tri: Tri = [];
  for (const entree of entrees) {
    if (typeof entree === 'string') {
      if (!scalaire(entree)) return null;
      tri.push({ [entree]: 'asc' });
    } else if (entree !== null && typeof entree === 'object' && !Array.isArray(entree)) {
      for (const [nom, sens] of Object.entries(entree)) {
        const direction = typeof sens === 'string' ? sens.toLowerCase() : sens;
        if (!scalaire(nom) || (direction !== 'asc' && direction !== 'desc')) return null;
        tri.push({ [nom]: direction });
      }
    } else return null;
  }
  return tri;
}

/**
 * Whether a read populates at most one relation or component at each level. Strapi populates the
 * attributes of one level in parallel and adds each to the entry when its query returns: inside the
 * transaction they share one connection and come back in the order asked; on a pool, in any order, and
 * the JSON's keys with them (seen on PostgreSQL by equivalence-liste.test.ts). Such reads keep Strapi's
 * transaction. Pure.
 */
export function populateSansConcurrence(populate: unknown): boolean {
  if (populate === undefined || populate === null || populate === false) return true;
  if (typeof populate === 'string') return populate !== '*' && !/[.,]/.test(populate);
  if (Array.isArray(populate)) return populate.length === 0 || (populate.length === 1 && populateSansConcurrence(populate[0]));
  if (typeof populate !== 'object') return false;
  const entrees = Object.entries(populate);
  if (entrees.length === 0) return true;
  if (entrees.length > 1) return false;
  const [nom, valeur] = entrees[0];
  if (nom === '*' || valeur === '*') return false;
  if (valeur === true || valeur === null || valeur === undefined) return true;
  if (typeof valeur !== 'object' || Array.isArray(valeur) || 'on' in valeur) return false;
  return populateSansConcurrence((valeur as { populate?: unknown }).populate);
}

/**
 * Whether a read of the Document Service may run outside a transaction: a count never populates (the
 * REST controller hands it the list's parameters, populate included); the others when they populate
 * one relation at a time. Pure.
 */
export function lectureSansConcurrence(action: string, params: unknown): boolean {
  return action === 'count' || populateSansConcurrence((params as { populate?: unknown } | undefined)?.populate);
}

/**
 * Whether a findMany may be read through its ids, from its parameters alone (the query builder says
 * later whether the filters need a join). Returns the sort to give the page. Pure.
 */
export function triDeLaPage(uid: string, params: ParametresLecture | undefined, attributs: Record<string, { type: string }>): Tri | null {
  if (!TYPES_CONCERNES.test(uid) || !params) return null;
  if (params.limit === -1 || (params.groupBy !== undefined && params.groupBy !== null)) return null;
  return triSimple(params.orderBy, attributs);
}

/** JSON replacer refusing anything but plain data: a knex expression would not say what it selects. */
function donneesSeules(_cle: string, valeur: unknown): unknown {
  if (valeur !== null && typeof valeur === 'object' && !Array.isArray(valeur)) {
    const prototype = Object.getPrototypeOf(valeur);
    if (prototype !== Object.prototype && prototype !== null) throw new TypeError('valeur qui n’est pas une donnée');
  }
  return valeur;
}

/**
 * Key of a count in the cache, or null when it cannot be keyed. `filters` given as a function (the
 * Document Service's status filter) is keyed by what it returns for this model, as the query builder
 * will call it. Pure when `filters` is.
 */
export function cleDeCompte(uid: string, params: ParametresLecture | undefined, meta: unknown): string | null {
  const { where, _q } = params ?? {};
  try {
    const filters = typeof params?.filters === 'function' ? params.filters({ meta, uid }) : params?.filters;
    return JSON.stringify([uid, where ?? null, filters ?? null, _q ?? null], donneesSeules);
  } catch {
    return null; // something JSON cannot write (cycle, knex expression) or a filter needing the query builder: counted every time
  }
}

/** Parameters declared by the functions relied on, in the Strapi version this module was written against. */
export const ARITES_LECTURES = { findMany: 2, count: 1, createQueryBuilder: 1, transaction: 1 } as const;

/** Refuses (throws, in French, naming what changed) when Strapi's database layer is not the one replaced here. */
export function verifierFormeLectures(gestionnaire: unknown, base: unknown): void {
  const ecarts: string[] = [];
  const verifier = (objet: unknown, prefixe: string, nom: keyof typeof ARITES_LECTURES) => {
    const fonction = (objet as Record<string, unknown> | undefined)?.[nom];
    if (typeof fonction !== 'function') ecarts.push(`${prefixe}.${nom} est ${fonction === undefined ? 'absent' : typeof fonction}`);
    else if (fonction.length !== ARITES_LECTURES[nom]) ecarts.push(`${prefixe}.${nom} déclare ${fonction.length} paramètre(s) au lieu de ${ARITES_LECTURES[nom]}`);
  };
  verifier(gestionnaire, 'entityManager', 'findMany');
  verifier(gestionnaire, 'entityManager', 'count');
  verifier(gestionnaire, 'entityManager', 'createQueryBuilder');
  verifier(base, 'db', 'transaction');
  if (ecarts.length === 0) {
    const constructeur = (gestionnaire as Gestionnaire).createQueryBuilder('strapi::core-store') as Partial<ConstructeurRequete>;
    constructeur.init?.({ orderBy: 'id', limit: 1 });
    (constructeur.getKnexQuery as (() => unknown) | undefined)?.();
    for (const nom of ['init', 'getKnexQuery', 'shouldUseDeepSort', 'execute'] as const) {
      if (typeof constructeur[nom] !== 'function') ecarts.push(`le constructeur de requêtes n’a plus de méthode ${nom}`);
    }
    if (!Array.isArray(constructeur.state?.joins)) ecarts.push('le constructeur de requêtes n’expose plus state.joins');
    if (!Array.isArray(constructeur.state?.orderBy)) ecarts.push('le constructeur de requêtes n’expose plus state.orderBy');
    if (typeof constructeur.alias !== 'string') ecarts.push('le constructeur de requêtes n’expose plus son alias');
  }
  if (ecarts.length > 0) {
    throw new Error(
      `Démarrage refusé : la couche base de données de Strapi a changé sous le chemin de lecture des listes (src/api-contenu/lectures-liste.ts) : ${ecarts.join(' ; ')}. ` +
        'Adaptez ce module à la nouvelle version de Strapi avant de servir l’API.',
    );
  }
}

export function installerLecturesListe(strapi: Core.Strapi): void {
  const gestionnaire = strapi.db.entityManager as unknown as Gestionnaire;
  verifierFormeLectures(gestionnaire, strapi.db);

  /**
   * The ids of the page as a subquery, or null when Strapi's own query needs no join (it is then already
   * one cheap query). It selects the sort keys and the id, as the DISTINCT with an ORDER BY needs.
   */
  const identifiantsDeLaPage = (uid: string, params: ParametresLecture): unknown | null => {
    const { where, filters, _q, orderBy, limit, offset } = params;
    const requete = gestionnaire.createQueryBuilder(uid).init({ where, filters, _q, orderBy, limit, offset, select: ['id'] });
    const sql = requete.getKnexQuery() as SousRequete;
    if (requete.state.joins.length === 0 || requete.shouldUseDeepSort()) return null;
    const id = `${requete.alias}.id`;
    const colonnes = [...new Set([...requete.state.orderBy.flatMap((tri) => (tri.column ? [tri.column] : [])), id])];
    sql.clearSelect().distinct(colonnes.map((colonne) => (colonne === id ? `${id} as id` : colonne)));
    return strapi.db.connection.select('id').from(sql.as('page') as never);
  };

  remplacer<Gestionnaire['findMany']>(gestionnaire, 'findMany', 'performance', (origine) => async (uid, params) => {
    const tri = triDeLaPage(uid, params, strapi.db.metadata.get(uid as never).attributes as Record<string, { type: string }>);
    const ids = tri === null ? null : identifiantsDeLaPage(uid, params);
    if (tri === null || ids === null) return origine.call(gestionnaire, uid, params);
    // One query: the page's rows by their ids, in the order of the ids query (its sort, then id).
    const { select, populate } = params;
    return origine.call(gestionnaire, uid, { select, populate, where: { id: { $in: ids } }, orderBy: [...tri, { id: 'asc' }] });
  });

  const comptes = new CacheParGeneration<number>(1000);
  remplacer<Gestionnaire['count']>(gestionnaire, 'count', 'performance', (origine) => async (uid, params = {}) => {
    const cle = TYPES_CONCERNES.test(uid) ? cleDeCompte(uid, params, strapi.db.metadata.get(uid as any)) : null;
    // Inside a transaction the writes not yet committed are not in the generation.
    if (cle === null || strapi.db.inTransaction()) return origine.call(gestionnaire, uid, params);
    return comptes.obtenir(cle, await lireGeneration(strapi), () => origine.call(gestionnaire, uid, params));
  });

  // The first `db.transaction` a read of the Document Service opens (its own wrapper) is skipped; any
  // other, nested in it or not, is Strapi's. Only for reads that populate one relation at a time (see
  // `populateSansConcurrence`).
  const lecture = new AsyncLocalStorage<{ aSauter: boolean }>();
  remplacer<Transaction>(strapi.db, 'transaction', 'performance', (origine) => (cb) => {
    const jeton = lecture.getStore();
    if (!cb || !jeton?.aSauter) return origine.call(strapi.db, cb);
    jeton.aSauter = false;
    const rien = async () => undefined;
    return Promise.resolve(cb({ trx: undefined, commit: rien, rollback: rien, onCommit: (f: () => void) => f(), onRollback: () => undefined }));
  });
  strapi.documents.use((contexte, next) =>
    LECTURES_DOCUMENTS.has(contexte.action) && !strapi.db.inTransaction() && lectureSansConcurrence(contexte.action, contexte.params)
      ? lecture.run({ aSauter: true }, next)
      : next(),
  );
}
