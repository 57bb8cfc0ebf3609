/**
 * The files of the open data, named once: the Data Package lists them as resources, the DCAT-AP catalogue
 * as distributions (README, « Open data » and « Transparence et interopérabilité »).
 */
import { SCHEMA_PUBLIE } from '../../domaine/interconnectes/schema';
import type { DistributionCatalogue } from '../../domaine/catalogue-dcat';
import { REGISTRES, type Registre } from '../../transparence/exports/registres';

export interface FichierProjets {
  /** Resource name in the Data Package. */
  nom: string;
  fichier: string;
  format: 'csv' | 'json';
  /** The Table Schema of this server the file follows. */
  schema: 'schema.json' | 'schema-etendu.json';
  titre: string;
  description: string;
}

export const FICHIERS_PROJETS: readonly FichierProjets[] = [
  {
    nom: 'projets',
    fichier: 'projets.csv',
    format: 'csv',
    schema: 'schema.json',
    titre: `Projets (CSV conforme au schéma ${SCHEMA_PUBLIE.version})`,
    description: `Une ligne par projet publié, les colonnes publiques du schéma ${SCHEMA_PUBLIE.name} des Interconnectés.`,
  },
  {
    nom: 'projets-etendu',
    fichier: 'projets-etendu.csv',
    format: 'csv',
    schema: 'schema-etendu.json',
    titre: 'Projets (CSV étendu : colonnes du schéma, puis identifiants et vocabulaire de la bibliothèque)',
    description: 'Les colonnes du schéma national, puis celles de la bibliothèque : identifiants, adresses, cadre juridique, vocabulaire propre.',
  },
  {
    nom: 'projets-json',
    fichier: 'projets.json',
    format: 'json',
    schema: 'schema-etendu.json',
    titre: 'Projets (JSON, colonnes de l’export étendu)',
    description: 'Un objet par projet publié, avec les colonnes de l’export étendu.',
  },
];

const TABLE_SCHEMA = 'https://specs.frictionlessdata.io/table-schema/';
const DATA_PACKAGE = 'https://specs.frictionlessdata.io/data-package/';

/** The distributions of the catalogue: the data files, the exports to the peer registers, then the schemas and the Data Package. */
export function distributionsCatalogue(adresse: string): DistributionCatalogue[] {
  return [
    ...FICHIERS_PROJETS.map((f) => ({
      fichier: f.fichier,
      titre: f.titre,
      description: f.description,
      format: f.format === 'csv' ? ('CSV' as const) : ('JSON' as const),
      conformeA: [`${adresse}/${f.schema}`],
    })),
    ...Object.values(REGISTRES as Record<string, Registre>)
      .filter((r) => r.enMasse)
      .map((r) => ({
        fichier: `${r.format}.json`,
        titre: `Projets au format ${r.standard} ${r.version}`,
        description: 'Un enregistrement par projet publié, au format du registre pair, avec la liste des champs que la bibliothèque ne peut pas renseigner.',
        format: 'JSON' as const,
        conformeA: [r.reference],
      })),
    {
      fichier: 'schema.json',
      titre: `Schéma des projets (Table Schema ${SCHEMA_PUBLIE.version})`,
      description: 'Le schéma de l’export strict : noms, types et valeurs permises des colonnes.',
      format: 'JSON',
      conformeA: [TABLE_SCHEMA],
    },
    {
      fichier: 'schema-etendu.json',
      titre: 'Schéma de l’export étendu (Table Schema)',
      description: 'Le schéma des exports étendus, CSV et JSON.',
      format: 'JSON',
      conformeA: [TABLE_SCHEMA],
    },
    {
      fichier: 'datapackage.json',
      titre: 'Description des fichiers (Data Package)',
      description: 'Les fichiers, leurs schémas, la licence et la version, au format Frictionless Data Package.',
      format: 'JSON',
      conformeA: [DATA_PACKAGE],
    },
  ];
}
