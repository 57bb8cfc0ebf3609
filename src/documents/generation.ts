/**
 * Generation of the content: a counter in the database (database/migrations/…generation-contenu.js),
 * bumped after every write of a document whichever process writes (the CMS, the import command), and
 * by the raw rebuild of the search index. The caches in memory (`CacheParGeneration`: responses,
 * search, statistics, similar projets) serve only what they computed at the current generation, so
 * they are exact across processes and instances; reading it costs one single-row read.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

const TABLE_GENERATION = 'generation_contenu';

export async function lireGeneration(strapi: Core.Strapi): Promise<number> {
  const ligne = await strapi.db.connection(TABLE_GENERATION).first('generation');
  return Number(ligne?.generation ?? 0);
}

/** Bumps the generation, inside the transaction `trx` when given. */
export async function avancerGeneration(strapi: Core.Strapi, trx?: Knex): Promise<void> {
  await (trx ?? strapi.db.connection)(TABLE_GENERATION).increment('generation', 1);
}

/**
 * After a write (the Document Service's own transaction has committed by then): bumps the generation,
 * awaited, so the HTTP response of a write leaves with the caches already stale. Inside a caller's
 * transaction (the import), bumps within it, and again once it has committed, because a read between
 * the write and the commit would compute, and cache, the old state.
 */
async function signalerEcriture(strapi: Core.Strapi): Promise<void> {
  if (!strapi.db.inTransaction()) return avancerGeneration(strapi);
  await strapi.db.transaction(async ({ trx, onCommit }) => {
    await avancerGeneration(strapi, trx);
    onCommit(() => {
      avancerGeneration(strapi).catch((erreur: Error) => strapi.log.error(`Génération du contenu non avancée : ${erreur.message}`));
    });
  });
}

const ECRITURES_DOCUMENTS: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/** Every write of the Document Service: admin panel, REST, GraphQL, import and scripts all go through it. */
export function suivreEcrituresDocuments(strapi: Core.Strapi): void {
  strapi.documents.use(async (contexte, next) => {
    const resultat = await next();
    if (ECRITURES_DOCUMENTS.has(contexte.action)) await signalerEcriture(strapi);
    return resultat;
  });
}

/**
 * Writes that change what anonymous callers get without going through the Document Service: the
 * permissions of the roles (users-permissions) and the media (alternative texts, formats).
 */
const MODELES_HORS_DOCUMENTS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role', 'plugin::upload.file'];
const ACTIONS_ECRITURE = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;

export function suivreEcrituresHorsDocuments(strapi: Core.Strapi): void {
  const signaler = () => signalerEcriture(strapi);
  strapi.db.lifecycles.subscribe({ models: MODELES_HORS_DOCUMENTS, ...Object.fromEntries(ACTIONS_ECRITURE.map((action) => [action, signaler])) });
}
