import { candidats, classer, indexer, termes, type Entrees, type Profil } from '../../src/domaine/similarite';

const profil = (id: string, { texte = '', ...champs }: Partial<Omit<Profil<string>, 'termes'>> & { texte?: string } = {}): Profil<string> => ({
  id,
  sousThematiques: [],
  publics: [],
  thematique: null,
  techniques: [],
  termes: termes(texte),
  ...champs,
});

const LIBELLES = new Map([
  ['st-energie', 'Performance énergétique'],
  ['st-eclairage', 'Éclairage public'],
  ['th-transition', 'Transition écologique et énergétique'],
  ['pu-agent', 'Agent'],
  ['pu-elu', 'Élu'],
  ['te-vision', 'Vision par ordinateur'],
]);

describe('termes (texte)', () => {
  it('désaccentue, met en minuscules, retire les mots vides et garde la première forme rencontrée', () => {
    const t = termes('L’Éclairage public des écoles : un projet d’IA pour l’éclairage et les écoles');
    expect([...t.keys()].sort()).toEqual(['eclairag', 'ecol', 'public']);
    expect(t.get('eclairag')).toEqual({ nombre: 2, forme: 'éclairage' });
    expect(t.get('ecol')?.nombre).toBe(2);
  });

  it('compare les mots comme la recherche : pluriels, accents et dérivés ont la même racine', () => {
    expect([...termes('Véhicules électriques, rénovation').keys()]).toEqual([...termes('vehicule electrique renover').keys()]);
  });

  it('ignore les nombres et les mots de moins de 3 lettres', () => {
    expect([...termes('2024 : 12 km de pistes à vélo').keys()]).toEqual(['pist', 'velo']);
  });
});

describe('classer', () => {
  const source = profil('source', {
    sousThematiques: ['st-energie', 'st-eclairage'],
    publics: ['pu-agent'],
    thematique: 'th-transition',
    techniques: ['te-vision'],
    texte: 'Suivi de la consommation énergétique des gymnases et des piscines',
  });

  it('met en tête le candidat qui partage le plus, avec les raisons en français', () => {
    const proche = profil('proche', { sousThematiques: ['st-energie'], publics: ['pu-agent'], thematique: 'th-transition', texte: 'Consommation énergétique des piscines municipales' });
    const lointain = profil('lointain', { thematique: 'th-transition', texte: 'Chatbot pour les démarches' });
    const [premier, second] = classer(source, [lointain, proche], LIBELLES, 5, false);
    expect(premier.id).toBe('proche');
    expect(premier.raisons).toEqual([
      'même sous-thématique : Performance énergétique',
      'même thématique : Transition écologique et énergétique',
      'même public : Agent',
      expect.stringMatching(/^description proche \(mots communs : (consommation|énergétique|piscines)/),
    ]);
    expect(second).toEqual({ id: 'lointain', score: expect.any(Number), raisons: ['même thématique : Transition écologique et énergétique'] });
    expect(premier.score).toBeGreaterThan(second.score);
    expect(premier.score).toBeLessThanOrEqual(1);
  });

  it('met au pluriel les listes de plus d’un élément, dans l’ordre du projet source', () => {
    const [s] = classer(source, [profil('c', { sousThematiques: ['st-eclairage', 'st-energie'], publics: ['pu-agent'] })], LIBELLES, 5, false);
    expect(s.raisons).toEqual(['2 sous-thématiques communes : Performance énergétique, Éclairage public', 'même public : Agent']);
  });

  it('n’utilise les techniques ni dans le score ni dans les raisons quand l’appelant ne les voit pas', () => {
    const parTechnique = profil('technique', { techniques: ['te-vision'] });
    const sans = classer(source, [parTechnique], LIBELLES, 5, false);
    expect(sans).toEqual([{ id: 'technique', score: 0, raisons: [] }]);
    const avec = classer(source, [parTechnique], LIBELLES, 5, true);
    expect(avec[0].raisons).toEqual(['même technique d’IA : Vision par ordinateur']);
    expect(avec[0].score).toBeGreaterThan(0);
  });

  it('donne 1 à un jumeau parfait et 0 à un projet sans rien de commun', () => {
    const jumeau = { ...source, id: 'jumeau' };
    const etranger = profil('etranger', { thematique: 'autre', texte: 'Traduction automatique des délibérations' });
    const [premier, second] = classer(source, [etranger, jumeau], LIBELLES, 5, true);
    expect(premier).toMatchObject({ id: 'jumeau', score: 1 });
    expect(second).toEqual({ id: 'etranger', score: 0, raisons: [] });
  });

  it('respecte la limite et, à score égal, l’ordre des candidats', () => {
    const candidats = ['a', 'b', 'c', 'd'].map((id) => profil(id, { thematique: 'th-transition' }));
    expect(classer(source, candidats, LIBELLES, 2, false).map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('indexer et candidats', () => {
  const entree = (id: number, collectivite: number | null, champs: Partial<Entrees> = {}): Entrees => ({
    id,
    documentId: `doc-${id}`,
    collectivite,
    sousThematiques: [],
    publics: [],
    thematique: null,
    techniques: [],
    ...champs,
  });
  const source = entree(1, 100, { sousThematiques: ['st-energie'], publics: ['pu-agent'], thematique: 'th-transition', techniques: ['te-vision'] });
  const projets = [
    source,
    entree(2, 200, { thematique: 'th-transition' }),
    entree(3, 300, { sousThematiques: ['st-energie'], thematique: 'th-transition' }),
    entree(4, 100, { sousThematiques: ['st-energie'], publics: ['pu-agent'], thematique: 'th-transition' }),
    entree(5, 400, { techniques: ['te-vision'] }),
    entree(6, 500, { publics: ['pu-agent'] }),
    entree(7, null, { sousThematiques: ['st-energie'] }),
    entree(8, 600, { thematique: 'th-mobilites' }),
  ];
  const index = indexer(projets);

  it('classe par recouvrement pondéré, puis du plus récent au plus ancien, hors même collectivité, sans collectivité et hors source', () => {
    expect(candidats(index, source, false, 10)).toEqual([3, 6, 2]);
  });

  it('ne compte les techniques (Restreint) que pour un membre', () => {
    expect(candidats(index, source, true, 10)).toEqual([3, 5, 6, 2]);
  });

  it('respecte le plafond', () => {
    expect(candidats(index, source, true, 2)).toEqual([3, 5]);
  });

  it('retrouve un projet par documentId', () => {
    expect(index.parDocumentId.get('doc-4')).toBe(4);
    expect(index.parDocumentId.get('inconnu')).toBeUndefined();
  });
});
