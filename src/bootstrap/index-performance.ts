/**
 * Indexes Strapi does not create, each one justified by a measure of `npm run bench` (README,
 * « Performance »; why at start-up: docs/adr/index-performance-au-demarrage.md). The list path (src/api-contenu/lectures-liste.ts) reads a page as `DISTINCT <sort
 * keys>, id … ORDER BY <sort keys>, id LIMIT n` over published rows: an index in that order lets the
 * database walk it and stop after n rows instead of sorting every match.
 *  - published projets by (statut, nom, id), by (nom, id), by (date de démarrage, id) and by
 *    (publication, id): the filters and sorts the public list offers;
 *  - projet → thématique and projet → collectivité links by (target, projet): the filter on the
 *    thématique or the collectivité becomes an index-only scan instead of a pass over the link table;
 *  - trigram index on the lowered collectivité name (PostgreSQL): `$containsi` emits
 *    `LOWER(CAST(nom AS VARCHAR)) LIKE …`, which a B-tree cannot serve over the ≈39,000 names.
 * Created at bootstrap, idempotently, rather than in database/migrations: Strapi 5 runs those before it
 * creates the tables, so on a fresh database a migration would find nothing to index and never run again.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';
import { colonne, lien, table, type Lien } from '../documents/tables';

export type Client = 'postgres' | 'sqlite';

interface Noms {
  projets: string;
  /** columns of the projets table */
  colonnes: { statut: string; nom: string; dateDemarrage: string; publication: string };
  collectivites: string;
  liens: Lien[];
}

export interface Instructions {
  /** must succeed: the start-up fails otherwise */
  requises: string[];
  /** need an extension the database role may not be allowed to install: skipped with a warning */
  facultatives: string[];
}

const ANCIENS_INDEX = ['projets_publies_statut_idx', 'projets_thematique_lnk_thematique_projet_idx'];

/** The statements for one database; every one is idempotent. Pure. */
export function instructionsIndex(client: Client, n: Noms): Instructions {
  const c = n.colonnes;
  return {
    requises: [
      // Names of earlier versions, superseded by the indexes below (same columns, or a prefix of them).
      ...ANCIENS_INDEX.map((nom) => `DROP INDEX IF EXISTS ${nom}`),
      ...Object.entries({ statut_nom: [c.statut, c.nom], nom: [c.nom], demarrage: [c.dateDemarrage], publication: [c.publication] }).map(
        ([suffixe, cles]) => `CREATE INDEX IF NOT EXISTS ${n.projets}_publies_${suffixe}_idx ON ${n.projets} (${[...cles, 'id'].join(', ')}) WHERE ${c.publication} IS NOT NULL`,
      ),
      ...n.liens.map((l) => `CREATE INDEX IF NOT EXISTS ${l.table}_cible_source_idx ON ${l.table} (${l.cible}, ${l.source})`),
    ],
    facultatives:
      client === 'postgres'
        ? [
            'CREATE EXTENSION IF NOT EXISTS pg_trgm',
            // Same expression as Strapi's $containsi on PostgreSQL, or the planner cannot use it.
            `CREATE INDEX IF NOT EXISTS collectivites_nom_trgm_idx ON ${n.collectivites} USING gin (LOWER(CAST(nom AS VARCHAR)) gin_trgm_ops)`,
          ]
        : [],
  };
}

export async function creerIndexPerformance(strapi: Core.Strapi): Promise<void> {
  const client: Client = strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite';
  const noms: Noms = {
    projets: table(strapi, UID.projet),
    colonnes: {
      statut: colonne(strapi, UID.projet, 'statut'),
      nom: colonne(strapi, UID.projet, 'nom'),
      dateDemarrage: colonne(strapi, UID.projet, 'dateDemarrage'),
      publication: colonne(strapi, UID.projet, 'publishedAt'),
    },
    collectivites: table(strapi, UID.collectivite),
    liens: [lien(strapi, UID.projet, 'thematique'), lien(strapi, UID.projet, 'collectivite')],
  };
  const { requises, facultatives } = instructionsIndex(client, noms);
  for (const instruction of requises) await strapi.db.connection.raw(instruction);
  try {
    for (const instruction of facultatives) await strapi.db.connection.raw(instruction);
  } catch (erreur) {
    // pg_trgm not installable by this role: the CMS works without the index, only slower.
    strapi.log.warn(`Index trigramme des collectivités non créé : ${(erreur as Error).message}`);
  }
}
