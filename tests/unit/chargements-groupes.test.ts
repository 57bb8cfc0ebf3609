import { decouperPopulate, fenetre } from '../../src/api-contenu/chargements-groupes';

describe('chargements groupés des relations GraphQL', () => {
  it('sépare la fenêtre (limit, offset) du reste du populate', () => {
    expect(decouperPopulate(undefined)).toEqual({ populate: true });
    expect(decouperPopulate({ where: { publishedAt: { $notNull: true } }, limit: 10, offset: 5 })).toEqual({
      populate: { where: { publishedAt: { $notNull: true } } },
      limite: 10,
      decalage: 5,
    });
    expect(decouperPopulate({ limit: 25 })).toEqual({ populate: true, limite: 25, decalage: undefined });
  });

  it('laisse à Strapi les formes qu’il ne sait pas grouper', () => {
    expect(decouperPopulate({ count: true })).toBeUndefined();
    expect(decouperPopulate({ limit: 'beaucoup' })).toBeUndefined();
    expect(decouperPopulate(['a'])).toBeUndefined();
  });

  it('rend à chaque parent la fenêtre qu’un chargement seul aurait rendue', () => {
    const relation = ['a', 'b', 'c', 'd'];
    expect(fenetre(relation, 2, 1)).toEqual(['b', 'c']);
    expect(fenetre(relation, undefined, 3)).toEqual(['d']);
    expect(fenetre(relation)).toBe(relation);
    expect(fenetre({ id: 1 }, 1, 0)).toEqual({ id: 1 });
    expect(fenetre(null, 1, 0)).toBeNull();
  });
});
