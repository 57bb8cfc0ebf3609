/** Grouping of the syntheses (src/syntheses/regroupement.ts): same company by SIREN, counts, collectivités using an offreur. */
import { cleSiren, compterOffreurs, grouperParCollectivite, memeEntreprise } from '../../src/syntheses/regroupement';

const projet = (documentId: string, nom: string) => ({ documentId, slug: null, nom, resume: null, statut: 'deploye', thematique: null });
const offreur = (documentId: string, nom: string) => ({ documentId, slug: null, nom, type: 'entreprise' });
const collectivite = (documentId: string, nom: string) => ({ documentId, slug: null, nom, type: 'commune' });

describe('cleSiren', () => {
  it('ne garde que les chiffres et rend null pour un SIREN absent ou vide', () => {
    expect(cleSiren('552 081 317')).toBe('552081317');
    expect(cleSiren('552.081.317')).toBe('552081317');
    expect(cleSiren('  ')).toBeNull();
    expect(cleSiren(null)).toBeNull();
  });
});

describe('memeEntreprise', () => {
  const offreurs = [
    { documentId: 'b', siren: '552081317' },
    { documentId: 'c', siren: '552 081 317' },
    { documentId: 'd', siren: '542107651' },
    { documentId: 'e', siren: null },
  ];
  it('réunit les offreurs de même SIREN, quels que soient les séparateurs saisis', () => {
    expect(memeEntreprise({ documentId: 'a', siren: '552081317' }, offreurs)).toEqual(['a', 'b', 'c']);
  });
  it('un offreur sans SIREN ne correspond qu’à lui-même (pas aux autres sans SIREN)', () => {
    expect(memeEntreprise({ documentId: 'e', siren: null }, offreurs)).toEqual(['e']);
    expect(memeEntreprise({ documentId: 'e', siren: ' ' }, offreurs)).toEqual(['e']);
  });
});

describe('compterOffreurs', () => {
  it('compte les projets distincts de chaque offreur, le plus utilisé d’abord puis par nom', () => {
    const comptes = compterOffreurs([
      { documentId: 'p1', offreurs: [offreur('o2', 'Zêta'), offreur('o1', 'Alpha')] },
      { documentId: 'p2', offreurs: [offreur('o2', 'Zêta')] },
      { documentId: 'p2', offreurs: [offreur('o2', 'Zêta')] },
      { documentId: 'p3', offreurs: [offreur('o3', 'Bêta')] },
    ]);
    expect(comptes.map((o) => [o.documentId, o.nombreProjets])).toEqual([['o2', 2], ['o1', 1], ['o3', 1]]);
  });
});

describe('grouperParCollectivite', () => {
  it('range chaque projet sous sa porteuse et ses partenaires, avec le rôle, collectivités et projets par nom', () => {
    const a = collectivite('a', 'Angers');
    const b = collectivite('b', 'Brest');
    const groupes = grouperParCollectivite([
      { ...projet('p2', 'Second'), collectivite: b, collectivitesPartenaires: [] },
      { ...projet('p1', 'Premier'), collectivite: a, collectivitesPartenaires: [b, a] },
    ]);
    expect(groupes.map((c) => [c.documentId, c.projets.map((p) => [p.documentId, p.role])])).toEqual([
      ['a', [['p1', 'porteuse']]],
      ['b', [['p1', 'partenaire'], ['p2', 'porteuse']]],
    ]);
  });
});
