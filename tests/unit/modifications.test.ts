import { champsModifies, modifieLeDocument } from '../../src/plugins/revue-editoriale/public';

const attributs = {
  nom: { type: 'string' },
  budget: { type: 'decimal' },
  dateDemarrage: { type: 'date' },
  collectivite: { type: 'relation' },
  offreurs: { type: 'relation' },
  illustration: { type: 'media' },
  algorithme: { type: 'component' },
  liens: { type: 'component', repeatable: true },
  notesImport: { type: 'text' },
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

  it('ne compte pas un attribut non modifiable (`writable: false`, calculé par l’application) renvoyé avec une autre valeur', () => {
    const avecCalcule = { ...attributs, scoreCompletude: { type: 'integer', writable: false } };
    expect(modifieLeDocument(avecCalcule, { scoreCompletude: 100 }, { ...stocke, scoreCompletude: 40 })).toBe(false);
    expect(champsModifies(avecCalcule, { scoreCompletude: 100, nom: 'Autre' }, { ...stocke, scoreCompletude: 40 })).toEqual(['nom']);
  });
});

describe('champsModifies (importateur)', () => {
  /** The draft as the importer reads it: relations by documentId, components populated. */
  const brouillon = {
    nom: 'Projet',
    budget: 12.5,
    notesImport: null,
    collectivite: { id: 1, documentId: 'c1' },
    offreurs: [{ id: 7, documentId: 'o7' }, { id: 8, documentId: 'o8' }],
    algorithme: { id: 9, nom: 'Classifieur', description: 'Saisie par un agent' },
    liens: [{ id: 3, titre: 'Site', url: 'https://exemple.fr' }],
  };

  it('ne voit rien quand une ligne relue redonne les mêmes valeurs, sous la forme de l’importateur', () => {
    const data = {
      nom: 'Projet',
      budget: 12.5,
      notesImport: '',
      collectivite: 'c1',
      offreurs: ['o8', 'o7', 'o7'],
      // Only the sub-fields the file has: the others keep what editors wrote.
      algorithme: { nom: 'Classifieur' },
      liens: [{ titre: 'Site', url: 'https://exemple.fr' }],
    };
    expect(champsModifies(attributs, data, brouillon)).toEqual([]);
  });

  it('nomme les champs modifiés, dans l’ordre des données', () => {
    const data = {
      nom: 'Projet renommé',
      collectivite: 'c2',
      offreurs: ['o7'],
      algorithme: { nom: 'Classifieur', description: null },
      liens: [{ titre: 'Site', url: 'https://autre.fr' }],
      notesImport: 'valeur à reprendre',
    };
    expect(champsModifies(attributs, data, brouillon)).toEqual(['nom', 'collectivite', 'offreurs', 'algorithme', 'liens', 'notesImport']);
  });

  it('compte comme modifiés les champs que le brouillon n’a pas encore', () => {
    expect(champsModifies(attributs, { collectivite: 'c1', offreurs: [], algorithme: { nom: 'Classifieur' } }, {})).toEqual(['collectivite', 'algorithme']);
  });
});
