'use strict';
/**
 * Generation of the content (src/documents/generation.ts): one counter, bumped by every write, that the
 * caches in memory (responses, search) compare with the one they computed at. A table of the
 * application: depends on no Strapi table, so it may run before Strapi synchronises its schema.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('generation_contenu'))) {
      await knex.schema.createTable('generation_contenu', (table) => table.bigInteger('generation').notNullable());
    }
    if (Number((await knex('generation_contenu').count({ n: '*' }))[0].n) === 0) await knex('generation_contenu').insert({ generation: 0 });
  },

  async down() {
    throw new Error('Migration sans retour.');
  },
};
