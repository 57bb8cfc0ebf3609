/**
 * The default locale, which i18n reads from the core store for every read of a localized type that
 * names no locale (thématiques, publics cibles, techniques d'IA: two queries per request), kept for one
 * generation of the content. Setting the default locale bumps the generation
 * (`suivreEcrituresHorsDocuments` in src/documents/generation.ts): the next read sees it, in this
 * process at once, from another process within the staleness bound of the generation (README, « Cache
 * et transport »).
 */
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { parGeneration } from '../documents/generation';
import { remplacer } from './remplacements';

type Lecture = () => Promise<unknown>;

export function mettreEnCacheLangueParDefaut(strapi: Core.Strapi): void {
  const service = strapi.plugin('i18n')?.service('locales') as { getDefaultLocale?: Lecture } | undefined;
  if (typeof service?.getDefaultLocale !== 'function') {
    throw new Error('Démarrage refusé : i18n n’a plus de getDefaultLocale, la langue par défaut ne peut pas être gardée en mémoire.');
  }
  const cache = new CacheParGeneration<unknown>(1);
  remplacer<Lecture>(service, 'getDefaultLocale', 'performance', (origine) => {
    const lire = origine.bind(service);
    // Also called inside the Document Service's writes (relations to a localized type).
    return () => parGeneration(strapi, cache, 'langue', lire);
  });
}
