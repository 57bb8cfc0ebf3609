/**
 * Files of the members-only ressources (acces = membres, draft or published): never served by their
 * /uploads address, only through GET /api/ressources/:documentId/fichiers/:id to callers who see the
 * ressource. The addresses are computed again whenever the content generation moves (any write of a
 * ressource or of a file moves it, whichever process writes).
 */
import { AsyncLocalStorage } from 'async_hooks';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../../../domaine/cache-generation';
import { parGeneration } from '../../../documents/generation';

const RESSOURCE = 'api::ressource.ressource';

interface Fichier {
  id: number;
  url: string;
  formats?: Record<string, { url?: string }> | null;
}

/** `/uploads/a%20b.pdf`, `/uploads//a b.pdf` and `/uploads/x/../a b.pdf` are one file. */
export function cheminNormalise(chemin: string): string | undefined {
  try {
    return path.posix.normalize(decodeURIComponent(chemin));
  } catch {
    return undefined;
  }
}

/** Set while the reserved files are being read: the reads of files it makes are not to be narrowed by them. */
const calcul = new AsyncLocalStorage<true>();
export const enCalculDesReserves = (): boolean => calcul.getStore() === true;

export interface Reserves {
  /** Their ids, and their addresses (original and every format), normalised. */
  ids: readonly number[];
  adresses: ReadonlySet<string>;
}

export interface ServiceFichiers {
  reserves(): Promise<Reserves>;
}

async function lireReserves(strapi: Core.Strapi): Promise<Reserves> {
  return calcul.run(true, async () => {
    const ressources = await strapi.db.query(RESSOURCE).findMany({
      where: { acces: 'membres' },
      select: ['id'],
      populate: { fichiers: { select: ['id', 'url', 'formats'] } },
    });
    const adresses = new Set<string>();
    const ids = new Set<number>();
    for (const { fichiers } of ressources as Array<{ fichiers?: Fichier[] }>) {
      for (const fichier of fichiers ?? []) {
        ids.add(fichier.id);
        for (const url of [fichier.url, ...Object.values(fichier.formats ?? {}).map((f) => f?.url)]) {
          const chemin = url ? cheminNormalise(url) : undefined;
          if (chemin) adresses.add(chemin);
        }
      }
    }
    return { ids: [...ids], adresses };
  });
}

export default ({ strapi }: { strapi: Core.Strapi }): ServiceFichiers => {
  const cache = new CacheParGeneration<Reserves>(1);
  return {
    // Also called inside the Document Service's reads, which run in a transaction.
    reserves: () => parGeneration(strapi, cache, 'membres', () => lireReserves(strapi)),
  };
};
