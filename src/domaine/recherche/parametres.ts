/**
 * The parameters of the search (`GET /api/recherche`, GraphQL `recherche`): read, checked and turned
 * into what the queries need. Every refusal names its parameter, in French; nothing the caller typed
 * reaches SQL other than as a bound value. Pure.
 */
import { mots, racine } from './texte';

/** Filter and facet dimensions, in the order facets are returned. */
export const DIMENSIONS = [
  'thematique',
  'sousThematique',
  'statut',
  'typeCollectivite',
  'region',
  'departement',
  'public',
  'technique',
  'offreur',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Dimensions built on Restreint data: filter and facet for members only. */
export const DIMENSIONS_RESTREINTES: ReadonlySet<Dimension> = new Set(['technique']);

export const LONGUEUR_MAX_Q = 200;
export const TAILLE_PAGE_DEFAUT = 20;
export const TAILLE_PAGE_MAX = 100;
const VALEURS_MAX_PAR_FILTRE = 50;
/** Slugs, enumeration values and official codes (« 2A », « 75 », « 84 »). */
const VALEUR_FILTRE = /^[A-Za-z0-9_-]{1,120}$/;

export interface ParametresRecherche {
  /** The query as typed (trimmed), null when listing without a query. */
  q: string | null;
  /** The significant words of the query, normalised, stop words left out: what PostgreSQL stems. */
  termes: string[];
  /** Their stems (distinct): what SQLite matches and the excerpt highlights. */
  racines: string[];
  filtres: Partial<Record<Dimension, string[]>>;
  page: number;
  pageSize: number;
}

export class ErreurParametre extends Error {
  constructor(
    readonly parametre: string,
    message: string,
  ) {
    super(message);
  }
}

/** Query-string values as Koa gives them (string, repeated → array). */
export type Entree = Record<string, unknown>;

function texteUnique(nom: string, valeur: unknown): string {
  if (typeof valeur === 'string') return valeur;
  throw new ErreurParametre(nom, `Le paramètre « ${nom} » doit être donné une seule fois, sous forme de texte.`);
}

function entier(nom: string, valeur: unknown, min: number, max: number, defaut: number): number {
  if (valeur === undefined) return defaut;
  const texte = texteUnique(nom, valeur).trim();
  const n = /^\d{1,9}$/.test(texte) ? Number(texte) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ErreurParametre(nom, `Le paramètre « ${nom} » doit être un entier entre ${min} et ${max}.`);
  }
  return n;
}

function valeursFiltre(nom: string, valeur: unknown): string[] {
  const brutes = (Array.isArray(valeur) ? valeur : [valeur]).map((v) => texteUnique(nom, v));
  const valeurs = [...new Set(brutes.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
  if (valeurs.length === 0) throw new ErreurParametre(nom, `Le filtre « ${nom} » est vide.`);
  if (valeurs.length > VALEURS_MAX_PAR_FILTRE) {
    throw new ErreurParametre(nom, `Le filtre « ${nom} » accepte au plus ${VALEURS_MAX_PAR_FILTRE} valeurs.`);
  }
  const invalide = valeurs.find((v) => !VALEUR_FILTRE.test(v));
  if (invalide !== undefined) {
    throw new ErreurParametre(nom, `Le filtre « ${nom} » attend des identifiants (lettres sans accents, chiffres, tirets) : « ${invalide.slice(0, 40)} » n’en est pas un.`);
  }
  return valeurs;
}

/** Reads the query; `membre` says whether the caller may filter on Restreint dimensions. */
export function lireParametres(entree: Entree, membre: boolean): ParametresRecherche {
  const connus = new Set<string>(['q', 'page', 'pageSize', ...DIMENSIONS]);
  const inconnu = Object.keys(entree).find((nom) => !connus.has(nom));
  if (inconnu !== undefined) {
    throw new ErreurParametre(
      inconnu,
      `Paramètre inconnu : « ${inconnu.slice(0, 60)} ». Paramètres acceptés : q, page, pageSize, ${DIMENSIONS.join(', ')}.`,
    );
  }

  let q: string | null = null;
  if (entree.q !== undefined) {
    q = texteUnique('q', entree.q).trim();
    if (q === '') throw new ErreurParametre('q', 'Le paramètre « q » est vide : donnez au moins un mot, ou omettez-le pour lister les projets.');
    if (q.length > LONGUEUR_MAX_Q) throw new ErreurParametre('q', `Le paramètre « q » dépasse ${LONGUEUR_MAX_Q} caractères.`);
  }

  const filtres: Partial<Record<Dimension, string[]>> = {};
  for (const dimension of DIMENSIONS) {
    if (entree[dimension] === undefined) continue;
    if (DIMENSIONS_RESTREINTES.has(dimension) && !membre) {
      throw new ErreurParametre(dimension, `Le filtre « ${dimension} » est réservé aux membres de l’espace de confiance.`);
    }
    filtres[dimension] = valeursFiltre(dimension, entree[dimension]);
  }

  const termes = q === null ? [] : [...new Set(mots(q).map((m) => m.forme))].filter((forme) => racine(forme) !== null);
  const racines = [...new Set(termes.map((forme) => racine(forme) as string))];
  return {
    q,
    termes,
    racines,
    filtres,
    page: entier('page', entree.page, 1, 1_000_000, 1),
    pageSize: entier('pageSize', entree.pageSize, 1, TAILLE_PAGE_MAX, TAILLE_PAGE_DEFAUT),
  };
}
