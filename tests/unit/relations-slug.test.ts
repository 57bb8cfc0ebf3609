import { resoudreRelation } from '../../src/plugins/revue-editoriale/public';
import { slugifier, slugLibre } from '../../src/domaine/slug';

describe('resoudreRelation', () => {
  const actuels = [
    { id: 1, documentId: 'a' },
    { id: 2, documentId: 'b' },
  ];

  it('remplace la relation par une liste, un identifiant ou set', () => {
    expect(resoudreRelation(['x', 'y'], actuels)).toEqual([{ documentId: 'x' }, { documentId: 'y' }]);
    expect(resoudreRelation('x', actuels)).toEqual([{ documentId: 'x' }]);
    expect(resoudreRelation(7, actuels)).toEqual([{ id: 7 }]);
    expect(resoudreRelation({ documentId: 'x' }, actuels)).toEqual([{ documentId: 'x' }]);
    expect(resoudreRelation({ set: [{ documentId: 'z' }] }, actuels)).toEqual([{ documentId: 'z' }]);
    expect(resoudreRelation(null, actuels)).toEqual([]);
    expect(resoudreRelation([], actuels)).toEqual([]);
  });

  it('applique connect et disconnect à l’existant, par documentId ou id', () => {
    expect(resoudreRelation({ connect: [{ documentId: 'c' }], disconnect: [{ id: 1 }] }, actuels)).toEqual([{ id: 2, documentId: 'b' }, { documentId: 'c' }]);
    expect(resoudreRelation({ connect: ['a'] }, actuels)).toEqual(actuels);
    expect(resoudreRelation({ disconnect: ['a', 'b'] }, actuels)).toEqual([]);
  });
});

describe('slugifier', () => {
  it('produit un slug ASCII en kebab-case', () => {
    expect(slugifier('Bordeaux Métropole')).toBe('bordeaux-metropole');
    expect(slugifier('  Cœur d’Essonne — Agglomération ! ')).toBe('coeur-d-essonne-agglomeration');
    expect(slugifier('x'.repeat(100)).length).toBe(80);
  });

  it('choisit le premier slug libre', () => {
    expect(slugLibre('projet', new Set())).toBe('projet');
    expect(slugLibre('projet', new Set(['projet', 'projet-2']))).toBe('projet-3');
  });
});
