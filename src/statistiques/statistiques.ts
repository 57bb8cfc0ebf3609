/**
 * Counts of the published projets (GET /api/statistiques, GraphQL `statistiques`), computed in SQL
 * (`sql.ts`) and kept in memory for one generation of the content (`documents/generation.ts`):
 * computed again at the first read after a write, whichever process wrote.
 */
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import type { Statistiques } from '../domaine/statistiques';
import { lireGeneration } from '../documents/generation';
import { compterStatistiques } from './sql';

const cache = new CacheParGeneration<Statistiques>(1);

/** Every count, Restreint ones included: `statistiquesPour` picks what the caller may see. */
export async function obtenirStatistiques(strapi: Core.Strapi): Promise<Statistiques> {
  return cache.obtenir('statistiques', await lireGeneration(strapi), () => compterStatistiques(strapi));
}
