/**
 * The Interconnectés Table Schema (Frictionless, 2024), read from the reference copy kept in
 * `donnees/interconnectes/`. The open-data export conforms to it, the importer reads its columns.
 */
import schemaReference from '../../../donnees/interconnectes/interconnectes_IA-schema.json';

export interface ChampTableSchema {
  name: string;
  title?: string;
  description?: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[] };
}
export interface TableSchema {
  fields: ChampTableSchema[];
  [cle: string]: unknown;
}

export const SCHEMA_INTERCONNECTES: TableSchema = schemaReference as TableSchema;

/**
 * The columns the open-data export publishes, in the schema's order: the Public fields of the data model
 * (README, « Open data »). The Restreint columns (contact, budget, algorithm, data, hosting, evaluation…) are absent
 * by design, even where the schema marks them required.
 */
export const COLONNES_PUBLIQUES = [
  'Nom_collectivite',
  'Nom_du_projet',
  'SIRET',
  'Latitude',
  'Longitude',
  'Type_de_collectivite',
  'Date_de_demarrage',
  'Statut_du_projet',
  'Partenaires',
  'Description_service',
  'Theme',
  'Sous_Theme',
  'Audience',
  'URL_Service',
  'URL_Logo',
  'Date_de_derniere_mise_a_jour',
] as const;
export type ColonnePublique = (typeof COLONNES_PUBLIQUES)[number];

export function champ(nom: string): ChampTableSchema {
  const trouve = SCHEMA_INTERCONNECTES.fields.find((f) => f.name === nom);
  if (!trouve) throw new Error(`Colonne ${nom} absente du Table Schema des Interconnectés`);
  return trouve;
}

/** Allowed values of an enumerated column (empty when the column is free text). */
export function enumeration(nom: string): readonly string[] {
  return champ(nom).constraints?.enum ?? [];
}

/** The schema restricted to the published columns, in their order: what /api/open-data/schema.json serves. */
export function schemaPublic(): TableSchema {
  return {
    ...SCHEMA_INTERCONNECTES,
    fields: COLONNES_PUBLIQUES.map((nom) => champ(nom)),
  };
}
