/**
 * What the admin relation pickers offer and how they label it (issue 11, items 2, 3 and 5). Pure: the
 * route wiring is src/extensions/content-manager/selecteurs.ts.
 */
import { libelleValeur } from '../admin-config/valeurs';
import { NIVEAUX_THEMATIQUES, UID, type NiveauThematique } from './regles-metier';

/** The field the pickers show (every target here has `nom` as its main field, src/admin-config). */
export const CHAMP_LIBELLE = 'nom';

/** Content-manager filters and sort (query parameters of the relations route) for one level of thématiques. */
export interface RegleSelecteur {
  filtre: Record<string, unknown>;
  tri?: string[];
}

const REGLES_NIVEAU: Record<NiveauThematique, RegleSelecteur> = {
  theme: { filtre: { parent: { id: { $null: true } } } },
  // By theme (its order in the nomenclature), then by name: the entries of one theme come together.
  sousTheme: { filtre: { parent: { id: { $notNull: true } } }, tri: ['parent.ordre:asc', `${CHAMP_LIBELLE}:asc`] },
};

/** The picker's rule for a relation field, from the save-time rule's table (regles-metier.ts): null when it accepts anything. */
export function regleSelecteur(modele: string, champ: string): RegleSelecteur | null {
  const niveau = NIVEAUX_THEMATIQUES[modele]?.[champ];
  return niveau ? REGLES_NIVEAU[niveau] : null;
}

/**
 * « Covoiturage (Mobilités) »: a sub-theme named with its theme; sorted by theme, the picker reads as
 * groups. The sub-theme comes first because the picker cuts long options on the right: « Transition
 * écologique et énergétique › … » left all the sub-themes of that theme looking the same.
 */
export function libelleSousTheme(theme: string, sousTheme: string): string {
  return `${sousTheme} (${theme})`;
}

export interface CollectiviteAffichee {
  nom: string;
  type: string;
  sousType?: string | null;
  codeDepartement?: string | null;
}

/** Communes that are not current ones are told apart from the commune of the same name. */
const SOUS_TYPES_COMMUNE: Record<string, string> = {
  'commune-deleguee': 'commune déléguée',
  'commune-associee': 'commune associée',
  'arrondissement-municipal': 'arrondissement municipal',
};

/** « Commune » → « commune », « EPCI » stays: the type reads inside a sentence. */
function enMinuscule(mot: string): string {
  return /^\p{Lu}\p{Ll}/u.test(mot) ? mot.charAt(0).toLowerCase() + mot.slice(1) : mot;
}

/** « Metz — commune (57) », « Metz Métropole — EPCI (57) », « Mametz — commune déléguée (80) ». */
export function libelleCollectivite(c: CollectiviteAffichee): string {
  const type =
    (c.type === 'commune' && c.sousType && SOUS_TYPES_COMMUNE[c.sousType]) ||
    enMinuscule(libelleValeur(UID.collectivite, 'type', c.type));
  return `${c.nom} — ${type}${c.codeDepartement ? ` (${c.codeDepartement})` : ''}`;
}

/**
 * Letters folded for the search, after lower-casing: accents and ligatures (« ecouen » finds
 * « Écouen »). SQLite's LOWER folds ASCII only, so the upper-case letters that begin names of the
 * referential are listed too; every letter of the referential is covered (tests/unit/selecteurs.test.ts).
 * Kept short: the SQL applies one REPLACE per pair to every candidate name.
 */
export const PLIAGE: ReadonlyArray<readonly [string, string]> = [
  ['à', 'a'], ['â', 'a'], ['ä', 'a'],
  ['é', 'e'], ['è', 'e'], ['ê', 'e'], ['ë', 'e'], ['É', 'e'], ['È', 'e'],
  ['î', 'i'], ['ï', 'i'], ['Î', 'i'],
  ['ô', 'o'], ['ö', 'o'], ['ó', 'o'], ['Ô', 'o'],
  ['ù', 'u'], ['û', 'u'], ['ü', 'u'],
  ['ÿ', 'y'], ['ç', 'c'],
  ['œ', 'oe'], ['Œ', 'oe'], ['æ', 'ae'],
];

/** The search form of a text, as the SQL of `expressionPliee` computes it. */
export function plier(texte: string): string {
  let plie = texte.toLowerCase();
  for (const [de, vers] of PLIAGE) plie = plie.split(de).join(vers);
  return plie;
}

/** SQL computing `plier` of a column (knex raw: `??` the column, then the pairs as bound values). */
export function expressionPliee(colonne: string): { sql: string; valeurs: string[] } {
  let sql = 'LOWER(??)';
  const valeurs = [colonne];
  for (const [de, vers] of PLIAGE) {
    sql = `REPLACE(${sql}, ?, ?)`;
    valeurs.push(de, vers);
  }
  return { sql, valeurs };
}

/** Escape character of the LIKE patterns below (`LIKE ? ESCAPE '!'`), the same on SQLite and PostgreSQL. */
export const ECHAPPEMENT_LIKE = '!';

const echapper = (texte: string) => texte.replace(/[!%_]/g, (c) => ECHAPPEMENT_LIKE + c);

/** Letters some folded character gives (PLIAGE): in the cheap pre-filter they match any character. */
const LETTRES_PLIEES = new Set(PLIAGE.flatMap(([, vers]) => (vers.length === 1 ? [vers] : [])));
const SEQUENCES_PLIEES = PLIAGE.flatMap(([, vers]) => (vers.length > 1 ? [vers] : []));

/**
 * The bound values of a ranked search for `recherche`: exact, prefix (`debut`) and contains (`contient`)
 * patterns on the folded name, and `prealable`, a pattern on the lower-cased name that every match
 * also satisfies (a folded letter may be any character, a ligature's letters any sequence): it spares
 * folding the names that cannot match.
 */
export function motifsRecherche(recherche: string): { exact: string; debut: string; contient: string; prealable: string } {
  const exact = plier(recherche.trim()).replace(/\s+/g, ' ');
  const litteral = echapper(exact);
  const prealable = exact
    .split(new RegExp(`(${SEQUENCES_PLIEES.join('|')})`))
    .map((morceau) => (SEQUENCES_PLIEES.includes(morceau) ? '%' : [...morceau].map((c) => (LETTRES_PLIEES.has(c) ? '_' : echapper(c))).join('')))
    .join('');
  return { exact, debut: `${litteral}%`, contient: `%${litteral}%`, prealable: `%${prealable}%` };
}
