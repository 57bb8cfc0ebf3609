/**
 * Files of the members-only ressources (acces = membres, draft or published): never served by their
 * /uploads address, only through GET /api/ressources/:documentId/fichiers/:id to callers who see the
 * ressource. The addresses are computed again whenever the content generation moves (any write of a
 * ressource or of a file moves it, whichever process writes).
 */
import path from 'path';
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../../../domaine/cache-generation';
import { lireGeneration } from '../../../documents/generation';

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

export interface ServiceFichiers {
  adressesReservees(): Promise<ReadonlySet<string>>;
}

export default ({ strapi }: { strapi: Core.Strapi }): ServiceFichiers => {
  const cache = new CacheParGeneration<ReadonlySet<string>>(1);
  return {
    async adressesReservees() {
      return cache.obtenir('membres', await lireGeneration(strapi), async () => {
        const ressources = await strapi.db.query(RESSOURCE).findMany({
          where: { acces: 'membres' },
          select: ['id'],
          populate: { fichiers: { select: ['id', 'url', 'formats'] } },
        });
        const adresses = new Set<string>();
        for (const { fichiers } of ressources as Array<{ fichiers?: Fichier[] }>) {
          for (const fichier of fichiers ?? []) {
            for (const url of [fichier.url, ...Object.values(fichier.formats ?? {}).map((f) => f?.url)]) {
              const chemin = url ? cheminNormalise(url) : undefined;
              if (chemin) adresses.add(chemin);
            }
          }
        }
        return adresses;
      });
    },
  };
};
