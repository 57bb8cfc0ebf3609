/**
 * How close two projets are (GET /api/projets/:documentId/similaires), in two steps:
 *  1. candidates: the published projets of other collectivités with the largest weighted overlap of
 *     taxonomy entries, read from an index of the published projets' entries (`indexer`, `candidats`);
 *  2. ranking: a weighted mix of shared sous-thématiques, publics, thématique, techniques (members
 *     only: Restreint) and text similarity of name + summary (TF-IDF cosine over the candidates,
 *     words analysed as the search does: no accents, French Snowball stems, no stop words), with the
 *     reasons in French (`classer`).
 * Frugal: no external service, no model. Pure: the data is read by `similaires/sql.ts`.
 */
import { normaliser, racine } from './recherche/texte';

export interface Profil<Id> {
  id: Id;
  /** documentIds of the taxonomy entries. */
  sousThematiques: readonly string[];
  publics: readonly string[];
  thematique: string | null;
  /** Restreint: left empty when the caller may not see them. */
  techniques: readonly string[];
  /** Stems of name + summary (`termes`). */
  termes: Termes;
}

export interface Suggestion<Id> {
  id: Id;
  /** Between 0 and 1. */
  score: number;
  raisons: string[];
}

/** Label of a taxonomy entry by documentId (default locale). */
export type Libelles = ReadonlyMap<string, string>;

/** `limit` of GET /api/projets/:documentId/similaires. */
export const LIMITE_SIMILAIRES = { defaut: 5, max: 20 } as const;

export const POIDS = { sousThematiques: 0.35, texte: 0.3, publics: 0.15, thematique: 0.1, techniques: 0.1 } as const;

/** Below this cosine, the text is not given as a reason. */
export const SEUIL_TEXTE = 0.1;
const MOTS_CITES = 5;

/**
 * Words that say nothing of closeness, beyond the French stop words the search already drops: common
 * verbs and adverbs, and the words every projet of the library uses.
 */
const MOTS_SANS_PORTEE = new Set(
  (
    'a ils les leurs meme cet cette ete etre avoir fait faire plus moins tres tout tous toute toutes afin ainsi alors aussi autre autres ' +
    'car comme dont donc entre lors puis sans selon sous vers via chez ' +
    'ia intelligence artificielle projet projets outil outils solution solutions collectivite collectivites service services usage usages mise place permet permettre'
  ).split(' '),
);

/** Key (stem) of each word form met, or null for a word that does not count: a small, bounded memo. */
const CLES = new Map<string, string | null>();
const MAX_CLES = 100_000;

function cleDe(forme: string): string | null {
  const connue = CLES.get(forme);
  if (connue !== undefined) return connue;
  // The same analysis as the search (unaccent, French Snowball, stop words): one notion of « same word ».
  const mot = normaliser(forme);
  const cle = mot.length < 3 || MOTS_SANS_PORTEE.has(mot) || /^\d+$/.test(mot) ? null : racine(mot);
  if (CLES.size >= MAX_CLES) CLES.clear();
  CLES.set(forme, cle);
  return cle;
}

/** Stems of a text, with their count and the first form met (lower case, accents kept, for the reasons). */
export type Termes = ReadonlyMap<string, { nombre: number; forme: string }>;

export function termes(texte: string): Termes {
  const resultat = new Map<string, { nombre: number; forme: string }>();
  for (const forme of texte.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const cle = cleDe(forme);
    if (cle === null) continue;
    const existant = resultat.get(cle);
    if (existant) existant.nombre += 1;
    else resultat.set(cle, { nombre: 1, forme });
  }
  return resultat;
}

type Vecteur = Map<string, number>;

function vecteur(compte: Termes, idf: (terme: string) => number): Vecteur {
  const v: Vecteur = new Map();
  for (const [terme, { nombre }] of compte) v.set(terme, (1 + Math.log(nombre)) * idf(terme));
  return v;
}

const norme = (v: Vecteur) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

/** Cosine of two vectors. */
function cosinus(a: Vecteur, b: Vecteur): number {
  const na = norme(a);
  const nb = norme(b);
  if (na === 0 || nb === 0) return 0;
  let produit = 0;
  for (const [terme, x] of a) produit += x * (b.get(terme) ?? 0);
  return produit / (na * nb);
}

/** The terms two vectors share, by decreasing contribution to their cosine. */
function termesCommuns(a: Vecteur, b: Vecteur): string[] {
  const contributions: Array<[string, number]> = [];
  for (const [terme, x] of a) {
    const y = b.get(terme);
    if (y !== undefined) contributions.push([terme, x * y]);
  }
  return contributions.sort((p, q) => q[1] - p[1]).map(([t]) => t);
}

function jaccard(a: readonly string[], b: readonly string[]): { valeur: number; communs: string[] } {
  const communs = a.filter((x) => b.includes(x));
  const union = new Set([...a, ...b]).size;
  return { valeur: union === 0 ? 0 : communs.length / union, communs };
}

function raisonListe(communs: readonly string[], libelles: Libelles, singulier: string, pluriel: (n: number) => string): string | null {
  const noms = communs.map((c) => libelles.get(c)).filter((n): n is string => Boolean(n));
  if (noms.length === 0) return null;
  return `${noms.length === 1 ? singulier : pluriel(noms.length)} : ${noms.join(', ')}`;
}

const arrondi = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The `limite` candidates closest to `source`, best first (ties: the order of `candidats`).
 * `avecTechniques` false: techniques count neither in the score nor in the reasons.
 */
export function classer<Id>(source: Profil<Id>, candidats: readonly Profil<Id>[], libelles: Libelles, limite: number, avecTechniques: boolean): Suggestion<Id>[] {
  const comptes = [source, ...candidats].map((p) => p.termes);
  const frequences = new Map<string, number>();
  for (const compte of comptes) for (const terme of compte.keys()) frequences.set(terme, (frequences.get(terme) ?? 0) + 1);
  const idf = (terme: string) => Math.log((comptes.length + 1) / ((frequences.get(terme) ?? 0) + 1)) + 1;
  const vecteurSource = vecteur(comptes[0], idf);
  const formes = comptes[0];
  const poidsTotal = POIDS.sousThematiques + POIDS.texte + POIDS.publics + POIDS.thematique + (avecTechniques ? POIDS.techniques : 0);

  const evalues = candidats.map((candidat, rang) => {
    const sousThematiques = jaccard(source.sousThematiques, candidat.sousThematiques);
    const publics = jaccard(source.publics, candidat.publics);
    const techniques = avecTechniques ? jaccard(source.techniques, candidat.techniques) : { valeur: 0, communs: [] };
    const memeThematique = source.thematique !== null && source.thematique === candidat.thematique;
    const vecteurCandidat = vecteur(comptes[rang + 1], idf);
    const texte = cosinus(vecteurSource, vecteurCandidat);
    const score =
      (POIDS.sousThematiques * sousThematiques.valeur +
        POIDS.publics * publics.valeur +
        POIDS.thematique * Number(memeThematique) +
        POIDS.techniques * techniques.valeur +
        POIDS.texte * texte) /
      poidsTotal;
    return { candidat, rang, score: arrondi(score), sousThematiques, publics, techniques, memeThematique, texte, vecteurCandidat };
  });

  // The reasons, only for the suggestions kept.
  return evalues
    .sort((a, b) => b.score - a.score || a.rang - b.rang)
    .slice(0, limite)
    .map((e) => {
      const communs = e.texte >= SEUIL_TEXTE ? termesCommuns(vecteurSource, e.vecteurCandidat) : [];
      const raisons = [
        raisonListe(e.sousThematiques.communs, libelles, 'même sous-thématique', (n) => `${n} sous-thématiques communes`),
        e.memeThematique && source.thematique ? raisonListe([source.thematique], libelles, 'même thématique', () => '') : null,
        raisonListe(e.publics.communs, libelles, 'même public', (n) => `${n} publics communs`),
        avecTechniques ? raisonListe(e.techniques.communs, libelles, 'même technique d’IA', (n) => `${n} techniques d’IA communes`) : null,
        communs.length > 0
          ? `description proche (mots communs : ${communs
              .slice(0, MOTS_CITES)
              .map((t) => formes.get(t)?.forme ?? t)
              .join(', ')})`
          : null,
      ].filter((r): r is string => r !== null);
      return { id: e.candidat.id, score: e.score, raisons };
    });
}

/** The taxonomy entries of a published projet, as kept in the index. */
export interface Entrees {
  id: number;
  documentId: string;
  collectivite: number | null;
  sousThematiques: readonly string[];
  publics: readonly string[];
  thematique: string | null;
  techniques: readonly string[];
}

export interface Index {
  projets: ReadonlyMap<number, Entrees>;
  parDocumentId: ReadonlyMap<string, number>;
  /** Projets (ids) by taxonomy entry (`cle`). */
  inverse: ReadonlyMap<string, readonly number[]>;
}

/** Weights of the shared entries when choosing the candidates (techniques: members only). */
export const POIDS_RECOUVREMENT = { sousThematiques: 3, techniques: 2, publics: 1, thematique: 1 } as const;

function cles(e: Entrees, avecTechniques: boolean): Array<[string, number]> {
  return [
    ...e.sousThematiques.map((d): [string, number] => [`s:${d}`, POIDS_RECOUVREMENT.sousThematiques]),
    ...(avecTechniques ? e.techniques.map((d): [string, number] => [`q:${d}`, POIDS_RECOUVREMENT.techniques]) : []),
    ...e.publics.map((d): [string, number] => [`p:${d}`, POIDS_RECOUVREMENT.publics]),
    ...(e.thematique ? [[`t:${e.thematique}`, POIDS_RECOUVREMENT.thematique] as [string, number]] : []),
  ];
}

export function indexer(projets: readonly Entrees[]): Index {
  const inverse = new Map<string, number[]>();
  for (const e of projets) {
    for (const [cle] of cles(e, true)) {
      const liste = inverse.get(cle) ?? [];
      liste.push(e.id);
      inverse.set(cle, liste);
    }
  }
  return { projets: new Map(projets.map((e) => [e.id, e])), parDocumentId: new Map(projets.map((e) => [e.documentId, e.id])), inverse };
}

/**
 * Ids of at most `max` published projets of other collectivités sharing at least one entry with
 * `source`, by decreasing weighted overlap, then most recent (highest id) first.
 */
export function candidats(index: Index, source: Entrees, avecTechniques: boolean, max: number): number[] {
  const recouvrement = new Map<number, number>();
  for (const [cle, poids] of cles(source, avecTechniques)) {
    for (const id of index.inverse.get(cle) ?? []) recouvrement.set(id, (recouvrement.get(id) ?? 0) + poids);
  }
  const autreCollectivite = (id: number) => {
    const c = index.projets.get(id)?.collectivite ?? null;
    return id !== source.id && c !== null && c !== source.collectivite;
  };
  // Overlaps are small integers: grouped by value, only the groups needed are sorted.
  const parRecouvrement: number[][] = [];
  for (const [id, valeur] of recouvrement) (parRecouvrement[valeur] ??= []).push(id);
  const resultat: number[] = [];
  for (let valeur = parRecouvrement.length - 1; valeur > 0 && resultat.length < max; valeur -= 1) {
    for (const id of (parRecouvrement[valeur] ?? []).sort((a, b) => b - a)) {
      if (resultat.length >= max) break;
      if (autreCollectivite(id)) resultat.push(id);
    }
  }
  return resultat;
}
