/**
 * The admin relation pickers (issue 11, items 2, 3 and 5), on the two content-manager relations routes:
 * `GET /content-manager/relations/:model/:targetField` (entries to add) and
 * `GET /content-manager/relations/:model/:id/:targetField` (entries linked, shown as chips).
 *
 * Mechanism: a route middleware that adjusts the query the content-manager's own controller runs and
 * relabels its response; the controller keeps validation, permissions and the exclusion of entries
 * already linked, and the document guard (garde-documents.ts) runs around both. Strapi has no
 * setting to filter or relabel a relation field's options, and rewriting the controller would copy
 * its permission logic.
 * - Localized targets list one locale: the request's if it is a configured locale, else the default
 *   (French, the admin's language by default); without it the controller lists every locale.
 * - Fields of NIVEAUX_THEMATIQUES (regles-metier.ts) offer only the level the save-time rule accepts.
 * - Sub-themes read « Sous-thème (Thème) » and collectivités « Metz — commune (57) », in the responses
 *   only (never stored).
 * - A collectivité search ranks exact, then prefix, then contains matches, accent-insensitively: the
 *   controller sorts by one attribute only, so one SQL query ranks and pages the matches and the
 *   controller is asked for that page's documents.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { LOCALE_PAR_DEFAUT } from '../../domaine/locales';
import { UID } from '../../domaine/regles-metier';
import {
  CHAMP_LIBELLE,
  ECHAPPEMENT_LIKE,
  expressionPliee,
  libelleCollectivite,
  libelleSousTheme,
  motifsRecherche,
  regleSelecteur,
} from '../../domaine/selecteurs';
import { colonne, table } from '../../documents/tables';

type Ctx = {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { query: Record<string, unknown> };
  body: unknown;
};
type Suite = () => Promise<unknown>;
type Entree = Record<string, unknown> & { id: number; documentId: string; locale?: string };
type Page = { results: Entree[]; pagination?: Record<string, number> };

/** Largest page the controller accepts (controllers/validation/relations.js). */
const TAILLE_MAX = 100;
const TAILLE_DEFAUT = 10;

function estLocalise(strapi: Core.Strapi, uid: string): boolean {
  return strapi.plugin('i18n').service('content-types').isLocalizedContentType(strapi.getModel(uid as StrapiUID.Schema));
}

async function localeDuSelecteur(strapi: Core.Strapi, demandee: unknown): Promise<string> {
  if (typeof demandee !== 'string' || demandee === '') return LOCALE_PAR_DEFAUT;
  return (await strapi.plugin('i18n').service('locales').findByCode(demandee)) ? demandee : LOCALE_PAR_DEFAUT;
}

function avecFiltre(filtres: unknown, filtre: Record<string, unknown>): Record<string, unknown> {
  return filtres && typeof filtres === 'object' ? { $and: [filtres, filtre] } : filtre;
}

function entier(valeur: unknown, defaut: number): number | null {
  if (valeur === undefined || valeur === '') return defaut;
  const n = Number(valeur);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

function ids(valeur: unknown): number[] {
  const liste = Array.isArray(valeur) ? valeur : [];
  return liste.map(Number).filter((n) => Number.isInteger(n));
}

/** Row ids the source document already links in `champ` (what the controller excludes), less those the form unlinked. */
async function dejaLies(strapi: Core.Strapi, source: string, champ: string, documentId: unknown, aInclure: number[]): Promise<number[]> {
  if (typeof documentId !== 'string' || documentId === '') return [];
  // As the controller: a component is named by its row id, a document by its documentId.
  const estComposant = strapi.getModel(source as StrapiUID.Schema).modelType === 'component';
  const lignes = (await strapi.db.query(source as StrapiUID.Schema).findMany({
    where: estComposant ? { id: Number(documentId) } : { documentId },
    select: ['id'],
    populate: { [champ]: { select: ['id'] } },
  })) as Array<Record<string, unknown>>;
  const lies = lignes.flatMap((l) => [l[champ]].flat()).filter((c): c is { id: number } => Boolean(c));
  return lies.map((c) => c.id).filter((id) => !aInclure.includes(id));
}

/**
 * One page of the collectivités matching `recherche`, ranked: exact name, then prefix, then contains
 * (names and search folded alike, see PLIAGE), each group by population then name, then id so the
 * order is total and pages never overlap. One query with bound values, the same on SQLite and
 * PostgreSQL: the cheap pre-filter leaves few names to fold, the materialized CTE folds each once,
 * the window counts the matches. Ranking only orders and counts: which rows may be returned is
 * still decided by the controller's permissions and the document guard (no role reads collectivités
 * under a condition, so the count is exact).
 */
async function pageDeCollectivites(
  strapi: Core.Strapi,
  recherche: string,
  page: number,
  taille: number,
  exclus: number[],
): Promise<{ documentIds: string[]; total: number }> {
  const knex = strapi.db.connection;
  const c = (attribut: string) => colonne(strapi, UID.collectivite, attribut);
  const plie = expressionPliee(c('nom'));
  const motifs = motifsRecherche(recherche);
  const echappe = `ESCAPE '${ECHAPPEMENT_LIKE}'`;
  const candidates = knex(table(strapi, UID.collectivite))
    .select({ id: 'id', documentId: c('documentId'), nom: c('nom'), population: c('population') })
    .select(knex.raw(`${plie.sql} AS plie`, plie.valeurs))
    .whereRaw(`LOWER(??) LIKE ? ${echappe}`, [c('nom'), motifs.prealable]);
  if (exclus.length > 0) candidates.whereNotIn('id', exclus);
  const correspondances = () => knex.withMaterialized('candidates', candidates).from('candidates').whereRaw(`plie LIKE ? ${echappe}`, [motifs.contient]);
  const lignes = (await correspondances()
    .select('documentId', knex.raw('COUNT(*) OVER () AS total'))
    .orderByRaw(`CASE WHEN plie = ? THEN 0 WHEN plie LIKE ? ${echappe} THEN 1 ELSE 2 END, COALESCE(population, 0) DESC, nom, id`, [motifs.exact, motifs.debut])
    .limit(taille)
    .offset((page - 1) * taille)) as Array<{ documentId: string; total: number | string }>;
  // Past the last page the window has no row to count on.
  const [compte] = lignes.length > 0 || page === 1 ? [lignes[0] ?? { total: 0 }] : ((await correspondances().count({ total: '*' })) as Array<{ total: number | string }>);
  return { documentIds: lignes.map((l) => l.documentId), total: Number(compte.total) };
}

/** « Sous-thème (Thème) » for the sub-themes of `entrees`, with the theme's name in the entry's locale. */
async function etiqueterThematiques(strapi: Core.Strapi, entrees: Entree[]): Promise<void> {
  const requete = strapi.db.query(UID.thematique);
  const avecParent = (await requete.findMany({
    where: { id: { $in: entrees.map((e) => e.id) } },
    select: ['id'],
    populate: { parent: { select: ['documentId'] } },
  })) as Array<{ id: number; parent: { documentId: string } | null }>;
  const parentDe = new Map(avecParent.filter((l) => l.parent).map((l) => [l.id, (l.parent as { documentId: string }).documentId]));
  if (parentDe.size === 0) return;
  const themes = (await requete.findMany({
    where: { documentId: { $in: [...new Set(parentDe.values())] } },
    select: ['documentId', 'locale', CHAMP_LIBELLE],
  })) as Array<Record<string, string>>;
  const nomDe = new Map(themes.map((t) => [`${t.documentId}:${t.locale}`, t[CHAMP_LIBELLE]]));
  for (const entree of entrees) {
    const parent = parentDe.get(entree.id);
    const theme = parent && (nomDe.get(`${parent}:${entree.locale}`) ?? nomDe.get(`${parent}:${LOCALE_PAR_DEFAUT}`));
    if (theme && typeof entree[CHAMP_LIBELLE] === 'string') entree[CHAMP_LIBELLE] = libelleSousTheme(theme, entree[CHAMP_LIBELLE] as string);
  }
}

/** « Nom — type (département) » for every collectivité of `entrees`. */
async function etiqueterCollectivites(strapi: Core.Strapi, entrees: Entree[]): Promise<void> {
  const lignes = (await strapi.db.query(UID.collectivite).findMany({
    where: { id: { $in: entrees.map((e) => e.id) } },
    select: ['id', 'nom', 'type', 'sousType', 'codeDepartement'],
  })) as Array<{ id: number; nom: string; type: string; sousType: string | null; codeDepartement: string | null }>;
  const parId = new Map(lignes.map((l) => [l.id, l]));
  for (const entree of entrees) {
    const ligne = parId.get(entree.id);
    if (ligne && typeof entree[CHAMP_LIBELLE] === 'string') entree[CHAMP_LIBELLE] = libelleCollectivite(ligne);
  }
}

const ETIQUETTES: Record<string, (strapi: Core.Strapi, entrees: Entree[]) => Promise<void>> = {
  [UID.thematique]: etiqueterThematiques,
  [UID.collectivite]: etiqueterCollectivites,
};

export function selecteurs(instance: () => Core.Strapi) {
  return async (ctx: Ctx, next: Suite) => {
    const strapi = instance();
    const { model, targetField } = ctx.params;
    const attribut = (strapi.getModel(model as StrapiUID.Schema)?.attributes as Record<string, { type: string; target?: string }> | undefined)?.[targetField ?? ''];
    const cible = attribut?.type === 'relation' ? attribut.target : undefined;
    if (!model || !targetField || !cible) return next(); // the controller answers

    let classement: { documentIds: string[]; page: number; taille: number; total: number } | null = null;
    if (ctx.params.id === undefined) {
      // Entries to add: the query the controller runs, rewritten only when a rule applies (the
      // query string round trip would turn a bare `locale` into an empty one).
      const requete = { ...ctx.request.query };
      const regle = regleSelecteur(model, targetField);
      if (regle) {
        requete.filters = avecFiltre(requete.filters, regle.filtre);
        if (regle.tri && requete.sort === undefined) requete.sort = regle.tri;
      }
      if (estLocalise(strapi, cible)) requete.locale = await localeDuSelecteur(strapi, requete.locale);
      const recherche = typeof requete._q === 'string' ? requete._q.trim() : '';
      const page = entier(requete.page, 1);
      const taille = entier(requete.pageSize, TAILLE_DEFAUT);
      // Invalid paging is left to the controller, which refuses it.
      if (cible === UID.collectivite && recherche !== '' && page !== null && taille !== null && taille <= TAILLE_MAX) {
        const exclus = [...ids(requete.idsToOmit), ...(await dejaLies(strapi, model, targetField, requete.id, ids(requete.idsToInclude)))];
        classement = { ...(await pageDeCollectivites(strapi, recherche, page, taille, exclus)), page, taille };
        delete requete._q;
        // The query string drops an empty list: no match is asked as an id that never is null.
        const selection = classement.documentIds.length > 0 ? { documentId: { $in: classement.documentIds } } : { id: { $null: true } };
        requete.filters = avecFiltre(requete.filters, selection);
        requete.page = 1;
      }
      if (regle || classement || requete.locale !== ctx.request.query.locale) ctx.request.query = requete;
    }

    await next();

    const corps = ctx.body as Page | undefined;
    if (!corps || !Array.isArray(corps.results)) return;
    if (classement) {
      const rang = new Map(classement.documentIds.map((d, i) => [d, i]));
      corps.results.sort((a, b) => (rang.get(a.documentId) ?? 0) - (rang.get(b.documentId) ?? 0));
      corps.pagination = { page: classement.page, pageSize: classement.taille, pageCount: Math.ceil(classement.total / classement.taille), total: classement.total };
    }
    if (corps.results.length > 0) await ETIQUETTES[cible]?.(strapi, corps.results);
  };
}

/** Adds the picker middleware to the two relations routes, after the document guard if it is there. */
export function equiperSelecteurs(instance: () => Core.Strapi, routeurs: Record<string, { routes?: Array<{ handler?: unknown; config?: { middlewares?: unknown[] } }> }>): number {
  let equipees = 0;
  for (const routeur of Object.values(routeurs)) {
    for (const route of routeur.routes ?? []) {
      if (route.handler !== 'relations.findAvailable' && route.handler !== 'relations.findExisting') continue;
      route.config = { ...(route.config ?? {}), middlewares: [selecteurs(instance), ...(route.config?.middlewares ?? [])] };
      equipees += 1;
    }
  }
  return equipees;
}
