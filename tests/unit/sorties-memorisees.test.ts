import { appliquer, forme, planDepuis } from '../../src/api-contenu/sorties-memorisees';

const projet = (nom: string, collectivite: unknown = { id: 3, nom: 'Lyon', siret: '123' }) => ({
  id: 1,
  documentId: 'abc',
  nom,
  notesInternes: 'restreint',
  publics: ['elus', 'agents'],
  collectivite,
  offreurs: [{ id: 7, nom: 'A', __type: 'api::offreur.offreur' }],
  donnees: { sources: ['INSEE'] },
  publishedAt: new Date('2026-01-02T03:04:05Z'),
});

/** What Strapi's cleaning does to a projet: drops a private field and the collectivité's SIRET. */
const nettoyer = (p: ReturnType<typeof projet>) => {
  const { notesInternes: _n, ...reste } = p;
  const c = reste.collectivite as Record<string, unknown> | null;
  return { ...reste, collectivite: c === null ? null : { id: c.id, nom: c.nom }, offreurs: reste.offreurs.map((o) => ({ ...o })) };
};

describe('nettoyage des sorties mémorisé par forme', () => {
  it('distingue les formes que les nettoyeurs distinguent, pas les valeurs', () => {
    expect(forme(projet('A'))).toBe(forme(projet('B')));
    expect(forme(projet('A'))).not.toBe(forme(projet('A', null)));
    expect(forme(projet('A'))).not.toBe(forme({ ...projet('A'), publics: ['elus'] }));
    expect(forme(projet('A'))).not.toBe(forme({ ...projet('A'), offreurs: [{ id: 7, nom: 'A', __type: 'plugin::upload.file' }] }));
    expect(forme({ a: 1, b: 2 })).not.toBe(forme({ b: 2, a: 1 }));
    expect(forme({ 'a;b': 1 })).not.toBe(forme({ a: { b: 1 } }));
    // Keys of any length and characters, and read values of any kind, never run into the next key.
    expect(forme({ '1:a': 1 })).not.toBe(forme({ '1': { a: 1 } }));
    expect(forme({ __type: 1, ['x'.repeat(23)]: 's' })).not.toBe(forme({ __type: 12, ['x'.repeat(3)]: 's' }));
  });

  it('refuse les valeurs qu’un plan ne sait pas copier', () => {
    expect(forme({ f: () => 1 })).toBeNull();
    expect(forme({ m: new Map() })).toBeNull();
    expect(forme({ n: 10n })).toBeNull();
  });

  it('rejoue sur une autre entité de même forme ce que le nettoyage a gardé, dans le même ordre', () => {
    const premiere = projet('A');
    const plan = planDepuis(structuredClone(premiere), nettoyer(premiere));
    expect(plan).not.toBeNull();
    const autre = projet('B', { id: 9, nom: 'Brest', siret: '999' });
    const copie = appliquer(plan!, autre);
    expect(JSON.stringify(copie)).toBe(JSON.stringify(nettoyer(autre)));
    expect(copie).not.toBe(autre);
    expect(autre.notesInternes).toBe('restreint');
  });

  it('n’établit pas de plan quand le nettoyage fait plus que garder des clés', () => {
    expect(planDepuis({ a: 1 }, { a: 2 })).toBeNull();
    expect(planDepuis({ a: 1 }, { a: 1, b: 2 })).toBeNull();
    expect(planDepuis({ l: [1, 2] }, { l: [1] })).toBeNull();
    expect(planDepuis({ o: { x: 1 } }, { o: 'x' })).toBeNull();
    expect(planDepuis({ d: new Date(1) }, { d: new Date(2) })).toBeNull();
    expect(planDepuis({ d: new Date(1), a: null }, { d: new Date(1), a: null })).toEqual({
      type: 'objet',
      cles: [
        ['d', { type: 'valeur' }],
        ['a', { type: 'valeur' }],
      ],
    });
  });
});
