import { parPaquets } from '../../src/api/open-data/paquets';

async function* source(morceaux: string[], lus: string[] = []): AsyncGenerator<string> {
  for (const m of morceaux) {
    lus.push(m);
    yield m;
  }
}

async function tous(iterable: AsyncIterable<string>): Promise<string[]> {
  const sortie: string[] = [];
  for await (const m of iterable) sortie.push(m);
  return sortie;
}

describe('parPaquets', () => {
  it('regroupe les morceaux dans l’ordre, chaque paquet d’au moins la taille sauf le dernier', async () => {
    const morceaux = Array.from({ length: 50 }, (_, i) => `ligne ${i};`.repeat(1 + (i % 4)));
    const paquets = await tous(parPaquets(source(morceaux), 40));
    expect(paquets.join('')).toBe(morceaux.join(''));
    expect(paquets.length).toBeGreaterThan(1);
    expect(paquets.length).toBeLessThan(morceaux.length);
    for (const p of paquets.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(40);
    expect(paquets[paquets.length - 1].length).toBeGreaterThan(0);
  });

  it('rien à lire : aucun paquet, pas même vide', async () => {
    expect(await tous(parPaquets(source([]), 10))).toEqual([]);
    expect(await tous(parPaquets(source(['', '']), 10))).toEqual([]);
  });

  it('un morceau plus grand que la taille part seul, sans attendre le suivant', async () => {
    const lus: string[] = [];
    const iterateur = parPaquets(source(['x'.repeat(100), 'y', 'z'], lus), 10);
    expect((await iterateur.next()).value).toBe('x'.repeat(100));
    expect(lus).toEqual(['x'.repeat(100)]);
    expect(await tous(iterateur)).toEqual(['yz']);
  });

  it('un téléchargement abandonné arrête la lecture de la source', async () => {
    let fermee = false;
    async function* infinie(): AsyncGenerator<string> {
      try {
        for (;;) yield 'abc';
      } finally {
        fermee = true;
      }
    }
    const iterateur = parPaquets(infinie(), 8);
    expect((await iterateur.next()).value).toBe('abcabcabc');
    await iterateur.return(undefined);
    expect(fermee).toBe(true);
  });
});
