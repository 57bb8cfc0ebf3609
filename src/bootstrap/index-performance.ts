/**
 * Indexes Strapi does not create, each one justified by a measure of `npm run bench` (README,
 * « Performance »):
 *  - projets publiés by statut: the public list filters on statut and only ever reads published rows;
 *  - projet → thématique link by (thématique, projet): the filter on the thématique becomes an
 *    index-only scan instead of a pass over the whole link table;
 *  - trigram index on the lowered collectivité name (PostgreSQL): `$containsi` emits
 *    `LOWER(CAST(nom AS VARCHAR)) LIKE …`, which a B-tree cannot serve over the ≈39,000 names.
 * Created at bootstrap, idempotently, rather than in database/migrations: Strapi 5 runs those before it
 * creates the tables, so on a fresh database a migration would find nothing to index and never run again.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';

export type Client = 'postgres' | 'sqlite';

interface Noms {
  projets: string;
  collectivites: string;
  lienThematique: { table: string; projet: string; thematique: string };
}

export interface Instructions {
  /** must succeed: the start-up fails otherwise */
  requises: string[];
  /** need an extension the database role may not be allowed to install: skipped with a warning */
  facultatives: string[];
}

/** The statements for one database; every one is idempotent. Pure. */
export function instructionsIndex(client: Client, n: Noms): Instructions {
  return {
    requises: [
      `CREATE INDEX IF NOT EXISTS projets_publies_statut_idx ON ${n.projets} (statut, id) WHERE published_at IS NOT NULL`,
      `CREATE INDEX IF NOT EXISTS ${n.lienThematique.table}_thematique_projet_idx ON ${n.lienThematique.table} (${n.lienThematique.thematique}, ${n.lienThematique.projet})`,
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
  const lien = (strapi.db.metadata.get(UID.projet).attributes as Record<string, any>).thematique.joinTable;
  const noms: Noms = {
    projets: strapi.db.metadata.get(UID.projet).tableName,
    collectivites: strapi.db.metadata.get(UID.collectivite).tableName,
    lienThematique: { table: lien.name, projet: lien.joinColumn.name, thematique: lien.inverseJoinColumn.name },
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
