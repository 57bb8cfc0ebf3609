/**
 * The dedicated path of collection reads (README, « Performance »; docs/adr/chemin-lecture-des-listes.md), for every caller: REST and GraphQL,
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
 * no consistency, only a BEGIN and a COMMIT round trip each, and it made their populate queries wait
 * for one another on its one connection. Their populated attributes are put back in the order asked,
 * which the transaction gave them (`ordrePopulate`); reads whose order it would not give keep it.
 *
 * Replaces `entityManager.findMany`, `findOne`, `count` and `db.transaction` of Strapi's internals:
 * `verifierFormeLectures` refuses to start when they, or the query builder relied on, no longer have
 * the shape this module was written against. Any query shape not handled here (no relation filter, no
 * page, sort through a relation, grouping) goes to Strapi unchanged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { lireGeneration, parGeneration } from '../documents/generation';
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
  findOne(uid: string, params: ParametresLecture): Promise<Record<string, unknown> | null>;
  count(uid: string, params?: ParametresLecture): Promise<number>;
}
interface SousRequete extends PromiseLike<Array<{ id: unknown }>> {
  clearSelect(): SousRequete;
  distinct(colonnes: string[]): SousRequete;
  select(colonnes: string[]): SousRequete;
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

type AttributsBase = Record<string, { type: string; relation?: string }>;

/** Relations Strapi populates in several queries (the polymorphic ones: dynamic zones, morph-to). */
const POLYMORPHES: ReadonlySet<string> = new Set(['morphToMany', 'morphToOne']);

/**
 * The attributes a database-level read populates, in the order Strapi asks for them, or null when
 * that order is not the order of their keys in the entity. Strapi populates the attributes of one level
 * side by side and sets each on the entity when its query returns: inside its transaction, one
 * connection answers them one after the other, so each attribute that takes a single query is set in
 * the order asked; on a pool they come back in any order. Null (the read keeps the transaction) when an
 * attribute takes more than one query before it is set: a nested populate, a polymorphic relation.
 * `populate` is the database level's (true, names, or an object by attribute), or the Document
 * Service's (`*`, `a,b`). Pure.
 */
export function ordrePopulate(populate: unknown, attributs: AttributsBase): string[] | null {
  if (populate === undefined || populate === null || populate === false) return [];
  let demandes: Array<[string, unknown]>;
  if (populate === true || populate === '*') demandes = Object.keys(attributs).map((nom) => [nom, true]);
  else if (typeof populate === 'string') demandes = populate.split(',').map((nom) => [nom, true]);
  else if (Array.isArray(populate)) {
    if (!populate.every((nom) => typeof nom === 'string')) return null;
    demandes = populate.map((nom) => [nom, true]);
  } else if (typeof populate === 'object') demandes = Object.entries(populate);
  else return null;
  const ordre: string[] = [];
  for (const [nom, valeur] of demandes) {
    if (nom.includes('.') || nom === '*') return null;
    const attribut = attributs[nom];
    if (attribut?.type !== 'relation' || ordre.includes(nom)) continue;
    if (POLYMORPHES.has(attribut.relation ?? '')) return null;
    if (valeur !== true && !(valeur !== null && typeof valeur === 'object' && !Array.isArray(valeur))) return null;
    if (typeof valeur === 'object') {
      const { populate: imbrique, on } = valeur as { populate?: unknown; on?: unknown };
      if (on !== undefined || (imbrique !== undefined && imbrique !== null && imbrique !== false)) return null;
    }
    ordre.push(nom);
  }
  return ordre;
}

/**
 * The entity (or entities) with its populated attributes last, in `ordre`: the keys a transaction
 * would have given it, whatever order the queries came back in. Pure: a new object for an entity out
 * of order, values shared.
 */
export function ordonnerPeuplement<T>(resultat: T, ordre: readonly string[]): T {
  if (ordre.length < 2 || resultat === null || typeof resultat !== 'object') return resultat;
  if (Array.isArray(resultat)) return resultat.map((entite) => ordonnerPeuplement(entite, ordre)) as T;
  const entite = resultat as Record<string, unknown>;
  const cles = Object.keys(entite);
  const peuples = ordre.filter((cle) => Object.prototype.hasOwnProperty.call(entite, cle));
  // Already in order (the queries came back as asked): the entity as it is.
  if (peuples.every((cle, i) => cles[cles.length - peuples.length + i] === cle)) return resultat;
  const copie: Record<string, unknown> = {};
  for (const cle of cles) if (!ordre.includes(cle)) copie[cle] = entite[cle];
  for (const cle of ordre) if (Object.prototype.hasOwnProperty.call(entite, cle)) copie[cle] = entite[cle];
  return copie as T;
}

/**
 * Whether a read of the Document Service may run outside a transaction: a count never populates (the
 * REST controller hands it the list's parameters, populate included); the others when the order of
 * their populated attributes does not depend on the transaction (`ordrePopulate`). Pure.
 */
export function lectureSansTransaction(action: string, params: unknown, attributs: AttributsBase): boolean {
  return action === 'count' || ordrePopulate((params as { populate?: unknown } | undefined)?.populate, attributs) !== null;
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

/** Relations after which each row still joins at most one row (the link table holds one link per source). */
const A_UN_ELEMENT: ReadonlySet<string> = new Set(['oneToOne', 'manyToOne']);
const OPERATEURS_LOGIQUES: ReadonlySet<string> = new Set(['$and', '$or', '$not']);
/** Beyond this many targets matching a to-one relation filter, it stays a join (see `sansJointureAUnElement`). */
const CIBLES_MAX = 500;
/** Beyond this many rows before the page, its ids are read by the DISTINCT query (see `identifiantsAUnElement`). */
const OFFSET_SANS_DISTINCT_MAX = 1000;

/**
 * Whether filters (a `where`, database level) only go through relations to one entry: each row of the
 * model then joins at most one row per relation, so the ids of a page need no DISTINCT and can be read
 * in index order, stopping at the page's end. False at the first relation to many, component, media or
 * dynamic zone on the way. Operators other than `$and`, `$or`, `$not` take values, not attributes.
 * `attributsDe` gives the database attributes of a model. Pure.
 */
export function filtresAUnElement(filtre: unknown, uid: string, attributsDe: (uid: string) => AttributsBase | undefined): boolean {
  if (Array.isArray(filtre)) return filtre.every((element) => filtresAUnElement(element, uid, attributsDe));
  if (filtre === null || typeof filtre !== 'object') return true;
  const attributs = attributsDe(uid);
  if (!attributs) return false;
  for (const [cle, valeur] of Object.entries(filtre)) {
    if (cle.startsWith('$')) {
      if (OPERATEURS_LOGIQUES.has(cle) && !filtresAUnElement(valeur, uid, attributsDe)) return false;
      continue;
    }
    const attribut = attributs[cle] as { type: string; relation?: string; target?: string } | undefined;
    if (attribut === undefined || !NON_SCALAIRES.has(attribut.type)) continue;
    if (attribut.type !== 'relation' || !A_UN_ELEMENT.has(attribut.relation ?? '') || !attribut.target) return false;
    if (!filtresAUnElement(valeur, attribut.target, attributsDe)) return false;
  }
  return true;
}

/**
 * Whether filters (a `where`, database level) name only the model's own scalar columns, so that
 * Strapi's query needs no join and is already one cheap query: its page is then read as Strapi reads
 * it, without building the query of its ids first. An attribute unknown to the model is a column of
 * its own (`id`, `document_id`). Operators other than `$and`, `$or`, `$not` take values. Pure.
 */
export function filtresSansJointure(filtre: unknown, attributs: AttributsBase): boolean {
  if (Array.isArray(filtre)) return filtre.every((element) => filtresSansJointure(element, attributs));
  if (filtre === null || typeof filtre !== 'object') return true;
  for (const [cle, valeur] of Object.entries(filtre)) {
    if (cle.startsWith('$')) {
      if (OPERATEURS_LOGIQUES.has(cle) && !filtresSansJointure(valeur, attributs)) return false;
      continue;
    }
    const attribut = attributs[cle];
    if (attribut !== undefined && NON_SCALAIRES.has(attribut.type)) return false;
  }
  return true;
}

/** A to-one relation's link table (source and target columns), when it is a plain join table on ids. */
export interface LienAUnElement {
  table: string;
  source: string;
  cible: string;
}

interface AttributRelation {
  type: string;
  relation?: string;
  target?: string;
  joinTable?: { name?: string; on?: unknown; joinColumn?: { name?: string; referencedColumn?: string }; inverseJoinColumn?: { name?: string; referencedColumn?: string } };
}

/** The link of `attribut` when it is a to-one relation through a plain join table, else null. Pure. */
export function lienAUnElement(attribut: AttributRelation | undefined): LienAUnElement | null {
  if (attribut?.type !== 'relation' || !A_UN_ELEMENT.has(attribut.relation ?? '') || !attribut.target) return null;
  const table = attribut.joinTable;
  const source = table?.joinColumn;
  const cible = table?.inverseJoinColumn;
  if (!table?.name || table.on || !source?.name || !cible?.name || source.referencedColumn !== 'id' || cible.referencedColumn !== 'id') return null;
  return { table: table.name, source: source.name, cible: cible.name };
}

const estObjet = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Operators that are never true on NULL (a row without the relation reads NULL through the join). */
const OPERATEURS_POSITIFS: ReadonlySet<string> = new Set([
  '$eq', '$eqi', '$in', '$lt', '$lte', '$gt', '$gte', '$between',
  '$contains', '$containsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi',
]);

/**
 * Whether a filter on a relation's target is false for a row without the relation, whose target
 * columns all read NULL: every leaf a positive operator on a value (`$notNull: true` too), under
 * `$and`/`$or` and nested relations only. `$null`, `$ne`, `$not`, `$notIn`… can be true on NULL:
 * such a filter keeps the join. Pure.
 */
export function rejetteNull(filtre: unknown): boolean {
  if (!estObjet(filtre) || Object.keys(filtre).length === 0) return false;
  return Object.entries(filtre).every(([cle, valeur]) => {
    if (cle === '$and' || cle === '$or') return Array.isArray(valeur) && valeur.length > 0 && valeur.every(rejetteNull);
    if (cle === '$notNull') return valeur === true || valeur === 'true';
    if (cle.startsWith('$')) return OPERATEURS_POSITIFS.has(cle) && valeur !== null && valeur !== undefined;
    if (valeur === null || valeur === undefined) return false;
    return estObjet(valeur) ? rejetteNull(valeur) : !Array.isArray(valeur) || valeur.length > 0;
  });
}

/**
 * The filters of a where that cross a to-one relation in a conjunction (the where itself, or `$and`
 * entries, recursively) and that a row without the relation cannot match (`rejetteNull`): there, « its
 * target matches » and « it is among the sources linked to a matching target » are the same. Not under
 * `$or` or `$not`, where a row without the relation would not read the same as « not in ». Pure.
 */
export function filtresDeRelationAUnElement(
  where: unknown,
  uid: string,
  attributsDe: (uid: string) => Record<string, AttributRelation> | undefined,
): Array<{ chemin: Array<string | number>; attribut: string; lien: LienAUnElement; cible: string; filtre: Record<string, unknown> }> {
  const trouves: ReturnType<typeof filtresDeRelationAUnElement> = [];
  const parcourir = (noeud: unknown, chemin: Array<string | number>) => {
    if (!estObjet(noeud)) return;
    const attributs = attributsDe(uid);
    for (const [cle, valeur] of Object.entries(noeud)) {
      if (cle === '$and' && Array.isArray(valeur)) valeur.forEach((element, i) => parcourir(element, [...chemin, '$and', i]));
      if (cle.startsWith('$') || !estObjet(valeur)) continue;
      const attribut = attributs?.[cle];
      const lien = lienAUnElement(attribut);
      if (lien && rejetteNull(valeur)) trouves.push({ chemin, attribut: cle, lien, cible: attribut!.target!, filtre: valeur });
    }
  };
  parcourir(where, []);
  return trouves;
}

/** Key of a filter found by `filtresDeRelationAUnElement`, for `reecrireWhere`. */
export const cleDeFiltre = (chemin: ReadonlyArray<string | number>, attribut: string): string => JSON.stringify([...chemin, attribut]);

/**
 * `where` with each filter keyed in `remplacements` (`cleDeFiltre`) replaced by its condition on the row
 * itself, added to the `$and` of the same level; every other key and entry kept. Pure.
 */
export function reecrireWhere(where: unknown, remplacements: ReadonlyMap<string, Record<string, unknown>>, chemin: Array<string | number> = []): unknown {
  if (!estObjet(where)) return where;
  const garde: Record<string, unknown> = {};
  const ajouts: Array<Record<string, unknown>> = [];
  for (const [cle, valeur] of Object.entries(where)) {
    const remplacement = remplacements.get(cleDeFiltre(chemin, cle));
    if (remplacement) ajouts.push(remplacement);
    else if (cle === '$and' && Array.isArray(valeur)) garde.$and = valeur.map((element, i) => reecrireWhere(element, remplacements, [...chemin, '$and', i]));
    else garde[cle] = valeur;
  }
  if (ajouts.length === 0) return garde;
  return { ...garde, $and: [...((garde.$and as unknown[] | undefined) ?? []), ...ajouts] };
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
export const ARITES_LECTURES = { findMany: 2, findOne: 2, count: 1, createQueryBuilder: 1, transaction: 1 } as const;

/** Refuses (throws, in French, naming what changed) when Strapi's database layer is not the one replaced here. */
export function verifierFormeLectures(gestionnaire: unknown, base: unknown): void {
  const ecarts: string[] = [];
  const verifier = (objet: unknown, prefixe: string, nom: keyof typeof ARITES_LECTURES) => {
    const fonction = (objet as Record<string, unknown> | undefined)?.[nom];
    if (typeof fonction !== 'function') ecarts.push(`${prefixe}.${nom} est ${fonction === undefined ? 'absent' : typeof fonction}`);
    else if (fonction.length !== ARITES_LECTURES[nom]) ecarts.push(`${prefixe}.${nom} déclare ${fonction.length} paramètre(s) au lieu de ${ARITES_LECTURES[nom]}`);
  };
  verifier(gestionnaire, 'entityManager', 'findMany');
  verifier(gestionnaire, 'entityManager', 'findOne');
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
   * Strapi's own query of the page (same `where`, search, sort, window) reduced to the sort keys and
   * the id, or null when it needs no join (it is then already one cheap query) or a deep sort.
   * `selection` is the column list: the sort keys and `<alias>.id as id`.
   */
  const requeteDesCles = (uid: string, params: ParametresLecture, fenetre: { limit: unknown; offset: unknown }) => {
    const { where, filters, _q, orderBy } = params;
    const requete = gestionnaire.createQueryBuilder(uid).init({ where, filters, _q, orderBy, ...fenetre, select: ['id'] });
    const sql = requete.getKnexQuery() as SousRequete;
    if (requete.state.joins.length === 0 || requete.shouldUseDeepSort()) return null;
    const id = `${requete.alias}.id`;
    const colonnes = [...new Set([...requete.state.orderBy.flatMap((tri) => (tri.column ? [tri.column] : [])), id])];
    return { sql: sql.clearSelect(), selection: colonnes.map((colonne) => (colonne === id ? `${id} as id` : colonne)) };
  };

  /** The ids of the page as a subquery, DISTINCT on the sort keys and the id, as a DISTINCT with an ORDER BY needs. */
  const identifiantsDeLaPage = (uid: string, params: ParametresLecture): unknown | null => {
    const cles = requeteDesCles(uid, params, { limit: params.limit, offset: params.offset });
    return cles && strapi.db.connection.select('id').from(cles.sql.distinct(cles.selection).as('page') as never);
  };

  /**
   * The ids of the page read without DISTINCT (filters through relations to one entry only): in the
   * order of the `(statut, nom, id)`-like indexes, the database stops at the page's end instead of
   * joining and sorting every match. The rows before the page are read too (ids and sort keys, up to
   * OFFSET_SANS_DISTINCT_MAX), so that a link repeated anywhere before the page's end is seen: a
   * to-one relation holding two links would otherwise shift the pages. Null then, and when Strapi's
   * own query needs no join or the page has no end: the DISTINCT query decides.
   */
  const identifiantsAUnElement = async (uid: string, params: ParametresLecture): Promise<unknown[] | null> => {
    const limite = Number(params.limit);
    const decalage = params.offset === undefined || params.offset === null ? 0 : Number(params.offset);
    if (!Number.isInteger(limite) || limite < 0 || !Number.isInteger(decalage) || decalage < 0 || decalage > OFFSET_SANS_DISTINCT_MAX) return null;
    const cles = requeteDesCles(uid, params, { limit: decalage + limite, offset: undefined });
    if (!cles) return null;
    const ids = (await cles.sql.select(cles.selection)).map((ligne) => ligne.id);
    return new Set(ids).size === ids.length ? ids.slice(decalage) : null;
  };

  const attributsBase = (uid: string) => strapi.db.metadata.get(uid as never).attributes as AttributsBase;
  const attributsSiConnus = (uid: string) => (strapi.db.metadata.has(uid as never) ? attributsBase(uid) : undefined);
  /** The filters of a read: its where and its filters, the Document Service's function form (the status filter) called as the query builder will. */
  const filtresDe = (uid: string, params: ParametresLecture): unknown[] => {
    const filtres = typeof params.filters === 'function' ? params.filters({ meta: strapi.db.metadata.get(uid as never), uid }) : params.filters;
    return [params.where, filtres];
  };
  /** Whether the filters of a read cross only to-one relations. */
  const aUnElement = (uid: string, params: ParametresLecture): boolean => {
    try {
      return filtresAUnElement(filtresDe(uid, params), uid, attributsSiConnus);
    } catch {
      return false; // a filter needing the query builder: the DISTINCT query
    }
  };
  /** Whether the filters of a read need no join (then Strapi's own query is the cheap one). */
  const sansJointure = (uid: string, params: ParametresLecture): boolean => {
    try {
      return filtresSansJointure(filtresDe(uid, params), attributsBase(uid));
    } catch {
      return false; // a filter needing the query builder: let it say
    }
  };
  // Reads outside a transaction get their populated attributes in the order asked (see `ordrePopulate`).
  const ordonner = <T>(uid: string, params: ParametresLecture | undefined, resultat: T): T => {
    const ordre = ordrePopulate(params?.populate, attributsBase(uid));
    return ordre === null ? resultat : ordonnerPeuplement(resultat, ordre);
  };

  const cibles = new CacheParGeneration<number[] | null>(1000);
  /**
   * The where with each to-one relation filter of a conjunction read as `id IN (SELECT source FROM link
   * WHERE target IN (<ids of the targets matching it>))`, those ids read by Strapi's query builder from
   * the same filter and kept per generation. Joined to its target, the filter hides from PostgreSQL how
   * skewed the links are (a quarter of the projets under one thématique is planned as one in eighty):
   * it then joins every link of the target and sorts, 17 ms at 10,000 projets, instead of walking the
   * `(statut, nom, id)` index to the page's end (1 ms). Beyond CIBLES_MAX targets, or for a filter that
   * is not plain data, the join stays.
   */
  const sansJointureAUnElement = async (uid: string, where: unknown): Promise<unknown> => {
    const filtres = filtresDeRelationAUnElement(where, uid, attributsSiConnus as (uid: string) => Record<string, AttributRelation> | undefined);
    if (filtres.length === 0) return where;
    const generation = await lireGeneration(strapi);
    const remplacements = new Map<string, Record<string, unknown>>();
    for (const filtre of filtres) {
      const cle = cleDeCompte(filtre.cible, { where: filtre.filtre }, null);
      if (cle === null) continue;
      const ids = await cibles.obtenir(cle, generation, async () => {
        const lignes = (await strapi.db.query(filtre.cible as never).findMany({ where: filtre.filtre, select: ['id'], limit: CIBLES_MAX + 1 })) as Array<{ id: number }>;
        return lignes.length > CIBLES_MAX ? null : lignes.map((ligne) => ligne.id);
      });
      if (ids === null) continue;
      const { table, source, cible } = filtre.lien;
      remplacements.set(cleDeFiltre(filtre.chemin, filtre.attribut), { id: { $in: strapi.db.getConnection(table).select(source).whereIn(cible, ids) } });
    }
    return remplacements.size === 0 ? where : reecrireWhere(where, remplacements);
  };

  remplacer<Gestionnaire['findMany']>(gestionnaire, 'findMany', 'performance', (origine) => async (uid, parametres) => {
    const tri = triDeLaPage(uid, parametres, attributsBase(uid));
    if (tri === null) return ordonner(uid, parametres, await origine.call(gestionnaire, uid, parametres));
    const params = strapi.db.inTransaction() || !parametres?.where ? parametres : { ...parametres, where: await sansJointureAUnElement(uid, parametres.where) };
    // No join (none asked, or every to-one filter rewritten above): Strapi's query walks the index as it is.
    if (sansJointure(uid, params)) return ordonner(uid, params, await origine.call(gestionnaire, uid, params));
    // The page's rows by their ids (a list, or the ids query itself), in the order of that query: its sort, then id.
    const pageParIds = async (ids: unknown) =>
      ordonner(uid, params, await origine.call(gestionnaire, uid, { select: params.select, populate: params.populate, where: { id: { $in: ids } }, orderBy: [...tri, { id: 'asc' }] }));
    // Outside a transaction only: the ids are read by a statement of their own, on the pool.
    const liste = !strapi.db.inTransaction() && aUnElement(uid, params) ? await identifiantsAUnElement(uid, params) : null;
    if (liste !== null) return liste.length === 0 ? [] : pageParIds(liste);
    const ids = identifiantsDeLaPage(uid, params);
    return ids === null ? ordonner(uid, params, await origine.call(gestionnaire, uid, params)) : pageParIds(ids);
  });
  remplacer<Gestionnaire['findOne']>(gestionnaire, 'findOne', 'performance', (origine) => async (uid, params) =>
    ordonner(uid, params, await origine.call(gestionnaire, uid, params)),
  );

  const comptes = new CacheParGeneration<number>(1000);
  remplacer<Gestionnaire['count']>(gestionnaire, 'count', 'performance', (origine) => async (uid, params = {}) => {
    const cle = TYPES_CONCERNES.test(uid) ? cleDeCompte(uid, params, strapi.db.metadata.get(uid as any)) : null;
    const compter = () => origine.call(gestionnaire, uid, params);
    return cle === null ? compter() : parGeneration(strapi, comptes, cle, compter);
  });

  // The first `db.transaction` a read of the Document Service opens (its own wrapper) is skipped; any
  // other, nested in it or not, is Strapi's. Only for reads whose populated attributes can be put back
  // in order (see `ordrePopulate`).
  const lecture = new AsyncLocalStorage<{ aSauter: boolean }>();
  remplacer<Transaction>(strapi.db, 'transaction', 'performance', (origine) => (cb) => {
    const jeton = lecture.getStore();
    if (!cb || !jeton?.aSauter) return origine.call(strapi.db, cb);
    jeton.aSauter = false;
    const rien = async () => undefined;
    return Promise.resolve(cb({ trx: undefined, commit: rien, rollback: rien, onCommit: (f: () => void) => f(), onRollback: () => undefined }));
  });
  strapi.documents.use((contexte, next) =>
    LECTURES_DOCUMENTS.has(contexte.action) && !strapi.db.inTransaction() && lectureSansTransaction(contexte.action, contexte.params, attributsBase(contexte.uid))
      ? lecture.run({ aSauter: true }, next)
      : next(),
  );
}
