'use strict';
/**
 * Rate-limit counters shared by every CMS process on this database (src/exploitation/magasins-compteurs.ts),
 * one row per window. UNLOGGED on PostgreSQL: counters that a crash may lose need no WAL. A table of the
 * application: depends on no Strapi table.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('limites_compteurs')) return;
    const postgres = knex.client.dialect === 'postgresql';
    await knex.raw(
      `CREATE ${postgres ? 'UNLOGGED ' : ''}TABLE limites_compteurs (cle varchar(255) PRIMARY KEY, nombre integer NOT NULL, fin ${postgres ? 'timestamptz' : 'datetime'} NOT NULL)`,
    );
  },

  async down() {
    throw new Error('Migration sans retour.');
  },
};
