import { modifieLeDocument } from '../../src/plugins/revue-editoriale/server/modifications';

const attributs = {
  nom: { type: 'string' },
  budget: { type: 'decimal' },
  dateDemarrage: { type: 'date' },
  collectivite: { type: 'relation' },
  offreurs: { type: 'relation' },
  illustration: { type: 'media' },
  algorithme: { type: 'component' },
};
const stocke = {
  id: 4,
  nom: 'Projet',
  budget: 12.5,
  dateDemarrage: '2024-01-01',
  collectivite: { id: 1, documentId: 'c1' },
  offreurs: [{ id: 7, documentId: 'o7' }],
  illustration: null,
  algorithme: { id: 9, nom: 'Classifieur', description: null },
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('modifieLeDocument', () => {
  it('ne voit aucun changement dans un formulaire renvoyé tel quel', () => {
    expect(modifieLeDocument(attributs, {}, stocke)).toBe(false);
    expect(
      modifieLeDocument(
        attributs,
        {
          nom: 'Projet',
          budget: '12.5',
          dateDemarrage: '2024-01-01',
          collectivite: { connect: [], disconnect: [] },
          offreurs: { connect: [{ documentId: 'o7' }] },
          illustration: '',
          algorithme: { id: 9, __temp_key__: 'a0', nom: 'Classifieur', description: '' },
          updatedAt: '2027-01-01T00:00:00.000Z',
          etatRevue: 'publie',
        },
        stocke,
      ),
    ).toBe(false);
  });

  it('voit un champ, une relation, un média ou un composant modifiés', () => {
    expect(modifieLeDocument(attributs, { nom: 'Autre' }, stocke)).toBe(true);
    expect(modifieLeDocument(attributs, { budget: 13 }, stocke)).toBe(true);
    expect(modifieLeDocument(attributs, { offreurs: { disconnect: [{ id: 7 }] } }, stocke)).toBe(true);
    expect(modifieLeDocument(attributs, { collectivite: { connect: [{ documentId: 'c2' }], disconnect: [{ documentId: 'c1' }] } }, stocke)).toBe(true);
    expect(modifieLeDocument(attributs, { illustration: 3 }, stocke)).toBe(true);
    expect(modifieLeDocument(attributs, { algorithme: { id: 9, nom: 'Régression' } }, stocke)).toBe(true);
  });
});
