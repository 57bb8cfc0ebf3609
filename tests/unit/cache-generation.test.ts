import { CacheParGeneration } from '../../src/domaine/cache-generation';

describe('cache par génération du contenu', () => {
  it('sert le même résultat tant que la génération ne change pas, recalcule ensuite', async () => {
    const cache = new CacheParGeneration<number>(10);
    let calculs = 0;
    const calculer = async () => ++calculs;
    expect(await cache.obtenir('eau', 1, calculer)).toBe(1);
    expect(await cache.obtenir('eau', 1, calculer)).toBe(1);
    expect(await cache.obtenir('eau', 2, calculer)).toBe(2);
    expect(await cache.obtenir('air', 2, calculer)).toBe(3);
  });

  it('des demandes simultanées partagent un calcul ; un échec n’est pas gardé', async () => {
    const cache = new CacheParGeneration<string>(10);
    let calculs = 0;
    const lent = () => new Promise<string>((resolve) => setImmediate(() => resolve(`r${++calculs}`)));
    expect(await Promise.all([cache.obtenir('q', 1, lent), cache.obtenir('q', 1, lent)])).toEqual(['r1', 'r1']);
    await expect(cache.obtenir('x', 1, () => Promise.reject(new Error('panne')))).rejects.toThrow('panne');
    expect(await cache.obtenir('x', 1, async () => 'ok')).toBe('ok');
  });

  it('garde au plus sa capacité, en oubliant la plus anciennement servie', async () => {
    const cache = new CacheParGeneration<string>(2);
    await cache.obtenir('a', 1, async () => 'a1');
    await cache.obtenir('b', 1, async () => 'b1');
    await cache.obtenir('a', 1, async () => 'a2'); // served: a is now the most recent
    await cache.obtenir('c', 1, async () => 'c1'); // b forgotten
    expect(cache.taille).toBe(2);
    expect(await cache.obtenir('a', 1, async () => 'a3')).toBe('a1');
    expect(await cache.obtenir('b', 1, async () => 'b2')).toBe('b2');
  });
});
