/**
 * The Interconnectés Table Schema (Frictionless, 2024), read from the reference copy kept in
 * `donnees/interconnectes/`. The open-data export conforms to it, the importer reads its columns.
 */
import schemaReference from '../../../donnees/interconnectes/interconnectes_IA-schema.json';
import schema110 from '../../../donnees/interconnectes/schema-1.1.0.json';

export interface ChampTableSchema {
  name: string;
  title?: string;
  description?: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string };
}
export interface TableSchema {
  fields: ChampTableSchema[];
  [cle: string]: unknown;
}

export const SCHEMA_INTERCONNECTES: TableSchema = schemaReference as TableSchema;

/**
 * The version the open-data export follows (donnees/interconnectes/schema-1.1.0.json, CHANGELOG.md beside
 * it): the 2024 schema with its defects fixed (SIRET pattern, multi-valued Sous_Theme and Audience, optional
 * URL_Logo…). Same column names and enumerations as the reference.
 */
export const SCHEMA_PUBLIE: TableSchema & { version: string; name: string } = schema110 as TableSchema & { version: string; name: string };

/**
 * The columns the open-data export publishes, in the schema's order: the Public fields of the data model
 * (README, « Open data »), the evaluation component included. The Restreint columns (contact, budget,
 * algorithm, data, hosting, environmental impact, resources…) are absent by design, even where the schema
 * marks them required.
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
  'status_abandon',
  'Partenaires',
  'Description_service',
  'Theme',
  'Sous_Theme',
  'Audience',
  'risque',
  'risque_categorie',
  'proportionalite',
  'decision',
  'erreur',
  'explicabilite',
  'reversibilite',
  'objection',
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

function champPublie(nom: string): ChampTableSchema {
  const trouve = SCHEMA_PUBLIE.fields.find((f) => f.name === nom);
  if (!trouve) throw new Error(`Colonne ${nom} absente du schéma ${SCHEMA_PUBLIE.version}`);
  return trouve;
}

/** The published schema restricted to the published columns, in their order: what /api/open-data/schema.json serves. */
export function schemaPublic(): TableSchema {
  return {
    ...SCHEMA_PUBLIE,
    fields: COLONNES_PUBLIQUES.map((nom) => champPublie(nom)),
  };
}

/**
 * Columns of the extended export (/api/open-data/projets-etendu.csv, keys of projets.json), after the strict
 * ones: what the national schema does not carry, so that a published projet can be found again and reused
 * whole (the importer reads them back, where they take precedence over the strict column they refine).
 */
export const COLONNES_ETENDUES = [
  'identifiant',
  'url',
  'siren_collectivite',
  'statut_bibliotheque',
  'publics_bibliotheque',
  'resume',
  'collectivites_partenaires',
  'niveau_automatisation',
  'intervention_humaine',
  'evaluations_impact',
  'date_fin',
  'role_offreurs',
  'base_legale',
  'lien_deliberation',
  'voies_de_recours',
] as const;
export type ColonneEtendue = (typeof COLONNES_ETENDUES)[number];

const DEFINITIONS_ETENDUES: Record<ColonneEtendue, Omit<ChampTableSchema, 'name'>> = {
  identifiant: { title: 'Identifiant du projet', description: 'Identifiant permanent du projet dans la bibliothèque (documentId).', type: 'string', constraints: { required: true, pattern: '[a-z0-9]{24}' } },
  url: { title: 'Adresse permanente', description: 'Adresse permanente du projet sur l’API de la bibliothèque.', type: 'string', format: 'uri', constraints: { required: true } },
  siren_collectivite: { title: 'SIREN de la collectivité porteuse', description: 'SIREN (9 chiffres) de la collectivité porteuse.', type: 'string', constraints: { required: true, pattern: '[0-9]{9}' } },
  statut_bibliotheque: { title: 'Statut (bibliothèque)', description: 'Statut du projet dans le vocabulaire de la bibliothèque, plus fin que Statut_du_projet (« En exploration » notamment).', type: 'string', constraints: { required: true } },
  publics_bibliotheque: { title: 'Publics (bibliothèque)', description: 'Publics du projet dans le vocabulaire de la bibliothèque, séparés par « , », y compris ceux que le schéma national ne nomme pas.', type: 'string', constraints: { required: true } },
  resume: { title: 'Résumé', description: 'Résumé du projet (400 caractères au plus).', type: 'string' },
  collectivites_partenaires: { title: 'Collectivités partenaires', description: 'SIREN des collectivités partenaires, séparés par « , ».', type: 'string', constraints: { pattern: '[0-9]{9}(, [0-9]{9})*' } },
  niveau_automatisation: { title: 'Niveau d’automatisation', description: 'Place de l’algorithme dans la décision, dans le vocabulaire de la bibliothèque.', type: 'string' },
  intervention_humaine: { title: 'Intervention humaine', description: 'Intervention humaine prévue dans la décision.', type: 'string' },
  evaluations_impact: { title: 'Évaluations d’impact', description: 'Une évaluation par ligne : son adresse, une espace, son titre.', type: 'string' },
  date_fin: { title: 'Date de fin', description: 'Fin du projet ou de l’usage du service, prévue ou effective (AAAA-MM-JJ).', type: 'date' },
  role_offreurs: { title: 'Rôle des offreurs', description: 'Ce que fait chaque offreur ou partenaire : développement, fourniture, hébergement…', type: 'string' },
  base_legale: { title: 'Base légale', description: 'Fondement juridique du traitement.', type: 'string' },
  lien_deliberation: { title: 'Lien vers la délibération', description: 'Délibération ou décision qui a lancé le projet.', type: 'string', format: 'uri' },
  voies_de_recours: { title: 'Voies de recours', description: 'Comment contester une décision prise avec le service.', type: 'string' },
};
export const CHAMPS_ETENDUS: readonly ChampTableSchema[] = COLONNES_ETENDUES.map((name) => ({ name, ...DEFINITIONS_ETENDUES[name] }));

/** The extended schema (/api/open-data/schema-etendu.json): the strict columns, then the extended ones. */
export function schemaEtendu(): TableSchema {
  return {
    ...schemaPublic(),
    name: `${SCHEMA_PUBLIE.name}-etendu`,
    title: `${String(SCHEMA_PUBLIE.title)} (export étendu de la bibliothèque)`,
    description: `Colonnes du schéma ${SCHEMA_PUBLIE.name} ${SCHEMA_PUBLIE.version} publiées par la bibliothèque, suivies de ses colonnes propres : identifiant et adresse permanents du projet, SIREN de la collectivité, vocabulaire de la bibliothèque, résumé, évaluation, date de fin, rôle des offreurs, cadre juridique et voies de recours.`,
    fields: [...schemaPublic().fields, ...CHAMPS_ETENDUS],
  };
}
