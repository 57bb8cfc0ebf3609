'use strict';
/**
 * Search index of the published projets (src/recherche/, design in README « Recherche »): tables of
 * the application, not content types, so this migration depends on no Strapi table and may run
 * before Strapi synchronises its schema, on a fresh database as on an old one.
 *
 * PostgreSQL: a text search configuration `recherche_fr` (French Snowball after `unaccent`), one
 * tsvector for anonymous callers (Public fields) and one for members (plus Restreint fields), each
 * with a GIN index. SQLite: an FTS5 table fed with text the application has already analysed the
 * same way (src/domaine/recherche/texte.ts).
 */
const VALEURS = `
  CREATE TABLE IF NOT EXISTS recherche_projets_valeurs (
    document_id varchar(255) NOT NULL,
    dimension varchar(32) NOT NULL,
    valeur varchar(255) NOT NULL,
    libelle text NOT NULL,
    PRIMARY KEY (dimension, valeur, document_id)
  )`;
const COLONNES = `
    document_id varchar(255) PRIMARY KEY,
    slug varchar(255) NOT NULL,
    nom text NOT NULL,
    nom_tri text NOT NULL,
    resume text,
    description text,
    statut varchar(64),
    collectivite_nom text,
    collectivite_slug varchar(255),
    collectivite_type varchar(64),
    thematique_nom text,
    thematique_slug varchar(255)`;

module.exports = {
  async up(knex) {
    const instructions =
      knex.client.dialect === 'postgresql'
        ? [
            'CREATE EXTENSION IF NOT EXISTS unaccent',
            `DO $$ BEGIN
               IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'recherche_fr') THEN
                 CREATE TEXT SEARCH CONFIGURATION recherche_fr (COPY = pg_catalog.french);
                 ALTER TEXT SEARCH CONFIGURATION recherche_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
               END IF;
             END $$`,
            `CREATE TABLE IF NOT EXISTS recherche_projets (${COLONNES},
               vecteur_public tsvector NOT NULL,
               vecteur_membre tsvector NOT NULL
             )`,
            'CREATE INDEX IF NOT EXISTS recherche_projets_vecteur_public ON recherche_projets USING GIN (vecteur_public)',
            'CREATE INDEX IF NOT EXISTS recherche_projets_vecteur_membre ON recherche_projets USING GIN (vecteur_membre)',
          ]
        : [
            `CREATE TABLE IF NOT EXISTS recherche_projets (${COLONNES})`,
            `CREATE VIRTUAL TABLE IF NOT EXISTS recherche_projets_fts USING fts5(
               document_id UNINDEXED, nom, resume, description, contexte, restreint, tokenize = 'unicode61'
             )`,
          ];
    instructions.push(
      'CREATE INDEX IF NOT EXISTS recherche_projets_nom_tri ON recherche_projets (nom_tri)',
      VALEURS,
      'CREATE INDEX IF NOT EXISTS recherche_projets_valeurs_document ON recherche_projets_valeurs (document_id)',
    );
    for (const instruction of instructions) await knex.raw(instruction);
  },

  async down() {
    throw new Error('Migration sans retour.');
  },
};
