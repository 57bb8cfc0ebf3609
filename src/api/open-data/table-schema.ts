/**
 * A published projet → one row of the Interconnectés Table Schema, Public columns only. Pure; the
 * vocabulary is the importer's (src/domaine/interconnectes/vocabulaire.ts), read the other way.
 */
import { COLONNES_PUBLIQUES, type ColonnePublique } from '../../domaine/interconnectes/schema';
import { AUDIENCES, SOUS_THEMES, STATUTS, THEMES, TYPES_COLLECTIVITE, libelleExport, type Vocabulaire } from '../../domaine/interconnectes/vocabulaire';

export interface ProjetPublie {
  nom: string;
  description?: string | null;
  statut?: string | null;
  dateDemarrage?: string | null;
  lienInformation?: string | null;
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
  offreurs?: Array<{ nom: string }>;
  thematique?: { slug: string } | null;
  sousThematiques?: Array<{ slug: string }>;
  publics?: Array<{ slug: string }>;
  illustration?: { url: string } | null;
}

export type LigneOpenData = Record<ColonnePublique, string>;

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

const absolue = (url: string | undefined, base: string): string => (url && url.startsWith('/') ? `${base.replace(/\/$/, '')}${url}` : url ?? '');

/** `base`: public address of the CMS, for media stored locally (their url starts with /uploads). */
export function versLigneOpenData(projet: ProjetPublie, base = ''): LigneOpenData {
  const c = projet.collectivite ?? null;
  const nombre = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '');
  return {
    Nom_collectivite: c?.nom ?? '',
    Nom_du_projet: projet.nom,
    // The seat's SIRET when an import gave it, else the SIREN (the establishment number is not invented).
    SIRET: c?.siret ?? c?.siren ?? '',
    Latitude: nombre(c?.latitude),
    Longitude: nombre(c?.longitude),
    Type_de_collectivite: c?.type ? libelleExport(TYPES_COLLECTIVITE, c.type) ?? '' : '',
    Date_de_demarrage: moisAnnee(projet.dateDemarrage),
    Statut_du_projet: projet.statut ? libelleExport(STATUTS, projet.statut) ?? '' : '',
    Partenaires: [...new Set((projet.offreurs ?? []).map((o) => o.nom))].join(SEPARATEUR_LISTE),
    Description_service: projet.description ?? '',
    Theme: projet.thematique ? libelleExport(THEMES, projet.thematique.slug) ?? '' : '',
    Sous_Theme: libelles(SOUS_THEMES, projet.sousThematiques),
    Audience: libelles(AUDIENCES, projet.publics),
    URL_Service: projet.lienInformation ?? '',
    // The projet's illustration, else the collectivité's logo (media, then external address).
    URL_Logo: absolue(projet.illustration?.url ?? c?.logo?.url ?? c?.logoUrl ?? undefined, base),
    Date_de_derniere_mise_a_jour: jourMoisAnnee(projet.updatedAt),
  };
}

/** The same row for the JSON export: coordinates as numbers (the schema types them so), the rest as text. */
export function versObjetJson(ligne: LigneOpenData): Record<ColonnePublique, string | number | null> {
  const nombre = (v: string) => (v === '' ? null : Number(v));
  return { ...ligne, Latitude: nombre(ligne.Latitude), Longitude: nombre(ligne.Longitude) };
}

/**
 * CSV injection: a cell starting with =, +, -, @ (or a tab / carriage return) is read as a formula by
 * spreadsheets; it is prefixed with an apostrophe. Plain numbers (negative longitudes) are left alone.
 */
export function neutraliserFormule(cellule: string): string {
  if (!/^[=+\-@\t\r]/.test(cellule)) return cellule;
  if (/^[-+]?\d+(\.\d+)?$/.test(cellule)) return cellule;
  return `'${cellule}`;
}

export const ENTETE: readonly ColonnePublique[] = COLONNES_PUBLIQUES;
