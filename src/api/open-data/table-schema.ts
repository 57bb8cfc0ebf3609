/**
 * A published projet → one row of the Interconnectés Table Schema (Public columns only), then the extended
 * columns of the library (identifiers, its own vocabulary). Pure; the vocabulary is the importer's
 * (src/domaine/interconnectes/vocabulaire.ts), read the other way.
 */
import { libelleValeur } from '../../admin-config/valeurs';
import { COLONNES_ETENDUES, COLONNES_PUBLIQUES, type ColonneEtendue, type ColonnePublique } from '../../domaine/interconnectes/schema';
import {
  AUDIENCES,
  CATEGORIES_RISQUE,
  ERREURS,
  EXPLICABILITES,
  SOUS_THEMES,
  STATUTS,
  THEMES,
  TYPES_COLLECTIVITE,
  libelleExport,
  type Vocabulaire,
} from '../../domaine/interconnectes/vocabulaire';
import { PUBLICS_CIBLES } from '../../referentiel/taxonomies';

export interface ProjetPublie {
  documentId: string;
  nom: string;
  resume?: string | null;
  description?: string | null;
  statut?: string | null;
  motifAbandon?: string | null;
  dateDemarrage?: string | null;
  dateFin?: string | null;
  lienInformation?: string | null;
  roleOffreurs?: string | null;
  baseLegale?: string | null;
  lienDeliberation?: string | null;
  voiesDeRecours?: string | null;
  updatedAt?: string | Date | null;
  collectivite?: {
    nom: string;
    siren?: string | null;
    siret?: string | null;
    type?: string | null;
    latitude?: number | null;
    longitude?: number | null;
    logoUrl?: string | null;
    logo?: { url: string } | null;
  } | null;
  collectivitesPartenaires?: Array<{ siren?: string | null }>;
  offreurs?: Array<{ nom: string }>;
  thematique?: { slug: string } | null;
  sousThematiques?: Array<{ slug: string }>;
  publics?: Array<{ slug: string; nom?: string | null }>;
  illustration?: { url: string } | null;
  evaluation?: {
    risqueCategorie?: string | null;
    risque?: string | null;
    proportionnalite?: string | null;
    decision?: string | null;
    niveauAutomatisation?: string | null;
    interventionHumaine?: string | null;
    erreur?: string | null;
    explicabilite?: string | null;
    reversibilite?: string | null;
    objection?: string | null;
    evaluationsImpact?: Array<{ titre: string; url?: string | null }> | null;
  } | null;
}

export type LigneOpenData = Record<ColonnePublique, string>;
export type LigneEtendue = LigneOpenData & Record<ColonneEtendue, string>;

/** Separator of multi-valued cells (Sous_Theme, Audience, Partenaires), as in the source file. */
export const SEPARATEUR_LISTE = ', ';

const libelles = (vocabulaire: Vocabulaire, entrees: Array<{ slug: string }> | undefined): string =>
  [...new Set((entrees ?? []).map((e) => libelleExport(vocabulaire, e.slug)).filter((l): l is string => l !== null))].join(SEPARATEUR_LISTE);

/** 'AAAA-MM-JJ' → 'MM/AAAA' */
function moisAnnee(date: string | null | undefined): string {
  const trouve = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  return trouve ? `${trouve[2]}/${trouve[1]}` : '';
}

/** date → 'JJ/MM/AAAA' (UTC) */
function jourMoisAnnee(date: string | Date | null | undefined): string {
  if (!date) return '';
  const iso = new Date(date).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const texte = (valeur: string | null | undefined): string => valeur ?? '';
const mot = (vocabulaire: Vocabulaire, valeur: string | null | undefined): string => (valeur ? libelleExport(vocabulaire, valeur) ?? '' : '');

const absolue = (url: string | undefined, base: string): string => (url && url.startsWith('/') ? `${base.replace(/\/$/, '')}${url}` : url ?? '');

/** `base`: public address of the CMS, for media stored locally (their url starts with /uploads). */
export function versLigneOpenData(projet: ProjetPublie, base = ''): LigneOpenData {
  const c = projet.collectivite ?? null;
  const e = projet.evaluation ?? null;
  const nombre = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '');
  return {
    Nom_collectivite: c?.nom ?? '',
    Nom_du_projet: projet.nom,
    // The seat's SIRET when an import gave it, else the SIREN (the establishment number is not invented).
    SIRET: c?.siret ?? c?.siren ?? '',
    Latitude: nombre(c?.latitude),
    Longitude: nombre(c?.longitude),
    Type_de_collectivite: mot(TYPES_COLLECTIVITE, c?.type),
    Date_de_demarrage: moisAnnee(projet.dateDemarrage),
    Statut_du_projet: mot(STATUTS, projet.statut),
    status_abandon: texte(projet.motifAbandon),
    Partenaires: [...new Set((projet.offreurs ?? []).map((o) => o.nom))].join(SEPARATEUR_LISTE),
    Description_service: texte(projet.description),
    Theme: mot(THEMES, projet.thematique?.slug),
    Sous_Theme: libelles(SOUS_THEMES, projet.sousThematiques),
    Audience: libelles(AUDIENCES, projet.publics),
    risque: texte(e?.risque),
    risque_categorie: mot(CATEGORIES_RISQUE, e?.risqueCategorie),
    proportionalite: texte(e?.proportionnalite),
    decision: texte(e?.decision),
    erreur: mot(ERREURS, e?.erreur),
    explicabilite: mot(EXPLICABILITES, e?.explicabilite),
    reversibilite: texte(e?.reversibilite),
    objection: texte(e?.objection),
    URL_Service: projet.lienInformation ?? '',
    // The projet's illustration, else the collectivité's logo (media, then external address).
    URL_Logo: absolue(projet.illustration?.url ?? c?.logo?.url ?? c?.logoUrl ?? undefined, base),
    Date_de_derniere_mise_a_jour: jourMoisAnnee(projet.updatedAt),
  };
}

/** French name of a public: the reference taxonomy's, else the one stored. */
const nomPublic = (p: { slug: string; nom?: string | null }): string => PUBLICS_CIBLES.find((t) => t.slug === p.slug)?.nom.fr ?? p.nom ?? p.slug;

/**
 * The strict row followed by the extended columns (contract of the import, README « Open data »): identifiers,
 * the library's own words where the schema's are coarser, and the public fields the schema has no column for.
 * `base`: public address of the CMS, for the permanent address of the projet.
 */
export function versLigneEtendue(projet: ProjetPublie, base = ''): LigneEtendue {
  const e = projet.evaluation ?? null;
  // Added to the strict row rather than spread into a new one: the spread object of 40 keys left V8's
  // fast mode, ten times slower to build and to read (45 µs a row, a quarter of the CSV export's CPU).
  return Object.assign(versLigneOpenData(projet, base), {
    identifiant: projet.documentId,
    url: `${base.replace(/\/$/, '')}/api/projets/${projet.documentId}`,
    siren_collectivite: texte(projet.collectivite?.siren),
    statut_bibliotheque: projet.statut ? libelleValeur('api::projet.projet', 'statut', projet.statut) : '',
    publics_bibliotheque: (projet.publics ?? []).map(nomPublic).join(SEPARATEUR_LISTE),
    resume: texte(projet.resume),
    collectivites_partenaires: (projet.collectivitesPartenaires ?? []).flatMap((c) => (c.siren ? [c.siren] : [])).join(SEPARATEUR_LISTE),
    niveau_automatisation: e?.niveauAutomatisation ? libelleValeur('projet.evaluation', 'niveauAutomatisation', e.niveauAutomatisation) : '',
    intervention_humaine: texte(e?.interventionHumaine),
    // One per line, the address first (spaces in it encoded, so the first space ends it), then the title.
    evaluations_impact: (e?.evaluationsImpact ?? []).map((l) => [l.url?.trim().replace(/\s/g, encodeURIComponent), l.titre].filter(Boolean).join(' ')).join('\n'),
    date_fin: texte(projet.dateFin),
    role_offreurs: texte(projet.roleOffreurs),
    base_legale: texte(projet.baseLegale),
    lien_deliberation: texte(projet.lienDeliberation),
    voies_de_recours: texte(projet.voiesDeRecours),
  });
}

/** The row for the JSON export: coordinates as numbers (the schema types them so), the rest as text. */
export function versObjetJson<L extends LigneOpenData>(ligne: L): Omit<L, 'Latitude' | 'Longitude'> & { Latitude: number | null; Longitude: number | null } {
  const nombre = (v: string) => (v === '' ? null : Number(v));
  return { ...ligne, Latitude: nombre(ligne.Latitude), Longitude: nombre(ligne.Longitude) };
}

/**
 * CSV injection: a cell starting with =, +, -, @, possibly after whitespace (spreadsheets skip it), or
 * with a tab, CR or LF, is read as a formula; it is prefixed with an apostrophe. Plain numbers (negative
 * longitudes) are left alone.
 */
export function neutraliserFormule(cellule: string): string {
  if (!/^\s*[=+\-@]/.test(cellule) && !/^[\t\r\n]/.test(cellule)) return cellule;
  if (/^[-+]?\d+(\.\d+)?$/.test(cellule)) return cellule;
  return `'${cellule}`;
}

export const ENTETE: readonly ColonnePublique[] = COLONNES_PUBLIQUES;
export const ENTETE_ETENDUE: ReadonlyArray<ColonnePublique | ColonneEtendue> = [...COLONNES_PUBLIQUES, ...COLONNES_ETENDUES];
