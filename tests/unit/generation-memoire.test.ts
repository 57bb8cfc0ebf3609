/** The generation of the content kept in memory (src/documents/generation.ts): bounded reuse, one shared read, forgotten by a local write. */
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../../src/domaine/cache-generation';
import { avancerGeneration, lireGeneration, parGeneration } from '../../src/documents/generation';

function fauxStrapi(fraicheurMs: number, enTransaction = false) {
  const base = { generation: 7, lectures: 0 };
  const connection = () => ({
    first: () => {
      base.lectures += 1;
      const valeur = base.generation;
      return new Promise((resolve) => setTimeout(() => resolve({ generation: valeur }), 5));
    },
    increment: async () => {
      base.generation += 1;
    },
  });
  const strapi = { config: { get: (_cle: string, defaut: unknown) => fraicheurMs ?? defaut }, db: { connection, inTransaction: () => enTransaction, dialect: { client: 'sqlite' } } };
  return { strapi: strapi as unknown as Core.Strapi, base };
}

const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('génération du contenu connue sans lecture en base', () => {
  it('les lectures simultanées partagent une requête, réutilisée pendant la fraîcheur', async () => {
    const { strapi, base } = fauxStrapi(10_000);
    expect(await Promise.all([lireGeneration(strapi), lireGeneration(strapi), lireGeneration(strapi)])).toEqual([7, 7, 7]);
    expect(await lireGeneration(strapi)).toBe(7);
    expect(base.lectures).toBe(1);
  });

  it('une écriture d’un autre processus est vue dès la fraîcheur écoulée', async () => {
    const { strapi, base } = fauxStrapi(50);
    expect(await lireGeneration(strapi)).toBe(7);
    base.generation = 8; // another process
    expect(await lireGeneration(strapi)).toBe(7);
    await attendre(60);
    expect(await lireGeneration(strapi)).toBe(8);
    expect(base.lectures).toBe(2);
  });

  it('une écriture de ce processus est vue à la lecture suivante, même pendant une lecture en cours', async () => {
    const { strapi, base } = fauxStrapi(10_000);
    expect(await lireGeneration(strapi)).toBe(7);
    await avancerGeneration(strapi);
    expect(await lireGeneration(strapi)).toBe(8);

    const enCours = lireGeneration(strapi); // issued before the write: may answer 8 or 9, must not be kept
    base.generation += 1; // the write's increment
    await avancerGeneration(strapi);
    expect(await lireGeneration(strapi)).toBe(10);
    await enCours;
    expect(await lireGeneration(strapi)).toBe(10);
  });

  it('fraîcheur 0 : une lecture par appel', async () => {
    const { strapi, base } = fauxStrapi(0);
    await lireGeneration(strapi);
    await lireGeneration(strapi);
    expect(base.lectures).toBe(2);
  });

  it('valeur gardée par génération, sauf dans une transaction : calculée sans lire la génération (qui attendrait la connexion tenue)', async () => {
    const cache = new CacheParGeneration<number>(1);
    let calculs = 0;
    const calculer = async () => (calculs += 1);
    const hors = fauxStrapi(10_000);
    expect([await parGeneration(hors.strapi, cache, 'c', calculer), await parGeneration(hors.strapi, cache, 'c', calculer)]).toEqual([1, 1]);
    const dans = fauxStrapi(10_000, true);
    expect([await parGeneration(dans.strapi, cache, 'c', calculer), await parGeneration(dans.strapi, cache, 'c', calculer)]).toEqual([2, 3]);
    expect([hors.base.lectures, dans.base.lectures]).toEqual([1, 0]);
  });
});
