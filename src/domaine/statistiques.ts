/**
 * Shape of the statistics of the published projets (GET /api/statistiques, query `statistiques`):
 * turns the SQL counts into labelled, ordered breakdowns. Pure: the counting is in
 * `statistiques/sql.ts`.
 */
import { REGIONS } from './regions';
import { STATUTS, TYPES_COLLECTIVITE, type Vocabulaire } from './interconnectes/vocabulaire';

/** One bar of a breakdown: `cle` is the slug, enum value, code or year; null when not filled in. */
export interface Compte {
  cle: string | null;
  libelle: string;
  total: number;
}

export interface Statistiques {
  projets: number;
  /** Distinct collectivités carrying or partnering at least one published projet. */
  collectivites: number;
  collectivitesPorteuses: number;
  /** Distinct published offreurs of at least one published projet. */
  offreurs: number;
  parThematique: Compte[];
  parSousThematique: Compte[];
  parStatut: Compte[];
  parTypeCollectivite: Compte[];
  parRegion: Compte[];
  parAnnee: Compte[];
  /** Restreint (techniquesIa): members only. */
  parTechnique?: Compte[];
}

export interface Ligne {
  cle: string | number | null;
  total: number | string;
}

export interface Comptes {
  projets: number;
  collectivites: number;
  collectivitesPorteuses: number;
  offreurs: number;
  /** Keys: documentId of the thématique (resp. technique). */
  thematiques: Ligne[];
  sousThematiques: Ligne[];
  techniques: Ligne[];
  statuts: Ligne[];
  typesCollectivite: Ligne[];
  regions: Ligne[];
  annees: Ligne[];
}

/** Labels of the taxonomy entries, by documentId, in the default locale. */
export type Taxonomie = ReadonlyMap<string, { slug: string; nom: string }>;

export const NON_RENSEIGNE = 'Non renseigné';
export const NON_RENSEIGNEE = 'Non renseignée';

const cle = (valeur: string | number | null): string | null => (valeur === null || valeur === '' ? null : String(valeur));

const parTotal = (a: Compte, b: Compte) => b.total - a.total || a.libelle.localeCompare(b.libelle, 'fr');

function libelleVocabulaire(vocabulaire: Vocabulaire, valeur: string): string {
  return vocabulaire.termes.find((t) => t.valeur === valeur)?.libelles[0] ?? valeur;
}

function comptes(lignes: readonly Ligne[], libelle: (cle: string | null) => string): Compte[] {
  const resultat = new Map<string | null, Compte>();
  for (const ligne of lignes) {
    const c = cle(ligne.cle);
    const existant = resultat.get(c);
    // Two SQL keys may meet in one (a number and a string year, '' and null).
    if (existant) existant.total += Number(ligne.total);
    else resultat.set(c, { cle: c, libelle: libelle(c), total: Number(ligne.total) });
  }
  return [...resultat.values()];
}

function taxonomie(lignes: readonly Ligne[], entrees: Taxonomie): Compte[] {
  return lignes
    .map((l) => ({ entree: entrees.get(String(l.cle)), total: Number(l.total) }))
    .filter((l): l is { entree: { slug: string; nom: string }; total: number } => l.entree !== undefined)
    .map(({ entree, total }) => ({ cle: entree.slug, libelle: entree.nom, total }))
    .sort(parTotal);
}

/** Every statut, in the order of the life of a projet, zeros included (stable axes for dashboards). */
function statuts(lignes: readonly Ligne[]): Compte[] {
  const totaux = new Map(lignes.map((l) => [cle(l.cle), Number(l.total)]));
  return STATUTS.termes.map((t) => ({ cle: t.valeur, libelle: libelleVocabulaire(STATUTS, t.valeur), total: totaux.get(t.valeur) ?? 0 }));
}

const nullEnDernier = (a: Compte, b: Compte) => Number(a.cle === null) - Number(b.cle === null);

export function assemblerStatistiques(c: Comptes, entrees: Taxonomie): Statistiques {
  return {
    projets: c.projets,
    collectivites: c.collectivites,
    collectivitesPorteuses: c.collectivitesPorteuses,
    offreurs: c.offreurs,
    parThematique: taxonomie(c.thematiques, entrees),
    parSousThematique: taxonomie(c.sousThematiques, entrees),
    parStatut: statuts(c.statuts),
    parTypeCollectivite: comptes(c.typesCollectivite, (t) => (t ? libelleVocabulaire(TYPES_COLLECTIVITE, t) : NON_RENSEIGNE))
      .sort(parTotal)
      .sort(nullEnDernier),
    parRegion: comptes(c.regions, (code) => (code ? (REGIONS[code] ?? code) : NON_RENSEIGNEE))
      .sort(parTotal)
      .sort(nullEnDernier),
    parAnnee: comptes(c.annees, (annee) => annee ?? NON_RENSEIGNEE).sort((a, b) => nullEnDernier(a, b) || Number(a.cle) - Number(b.cle)),
    parTechnique: taxonomie(c.techniques, entrees),
  };
}

/** What the caller may see: the counts by technique (Restreint) only for a member. */
export function statistiquesPour(statistiques: Statistiques, membre: boolean): Statistiques {
  if (membre) return statistiques;
  const { parTechnique: _restreint, ...publiques } = statistiques;
  return publiques;
}
