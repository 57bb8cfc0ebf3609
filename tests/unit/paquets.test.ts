import { fluxExport, parPaquets } from '../../src/api/open-data/paquets';
import { taillePageExport } from '../../src/api/open-data/services/open-data';

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

describe('fluxExport', () => {
  it('le corps de réponse rend les mêmes octets, par paquets plutôt que ligne à ligne', async () => {
    const lignes = Array.from({ length: 5000 }, (_, i) => `projet ${i};é\n`);
    const morceaux: string[] = [];
    for await (const m of fluxExport(source(lignes))) morceaux.push(String(m));
    expect(morceaux.join('')).toBe(lignes.join(''));
    expect(morceaux.length).toBeLessThan(5);
  });
});

describe('taillePageExport', () => {
  it('accepte un entier positif', () => {
    expect(taillePageExport(1)).toBe(1);
    expect(taillePageExport(500)).toBe(500);
  });

  it.each([0, -5, 2.5, '500', null, undefined, Number.NaN])('refuse %p avec un message qui nomme la clé', (valeur) => {
    expect(() => taillePageExport(valeur)).toThrow(/open-data\.taillePage .*doit être un entier positif/);
  });
});
