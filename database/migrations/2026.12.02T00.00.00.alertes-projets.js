'use strict';
/**
 * The first publication of each projet, for the alerts by theme (src/abonnements/abonnements.ts): a
 * projet is announced once, the first time it is published, and the weekly digest lists those first
 * published since the previous one. Milliseconds since the epoch, compared alike on SQLite and
 * PostgreSQL. A table of the application: depends on no Strapi table.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('alertes_projets')) return;
    await knex.raw('CREATE TABLE alertes_projets (document_id varchar(255) PRIMARY KEY, premiere_publication bigint NOT NULL)');
    await knex.raw('CREATE INDEX alertes_projets_premiere_publication ON alertes_projets (premiere_publication)');
    // The projets already published are no news: never announced, even republished after a withdrawal.
    if (await knex.schema.hasTable('projets')) {
      await knex.raw('INSERT INTO alertes_projets (document_id, premiere_publication) SELECT DISTINCT document_id, 0 FROM projets WHERE published_at IS NOT NULL AND document_id IS NOT NULL');
    }
  },

  async down() {
    throw new Error('Migration sans retour.');
  },
};
