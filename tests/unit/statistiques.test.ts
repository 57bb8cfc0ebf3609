import { assemblerStatistiques, statistiquesPour, type Comptes } from '../../src/domaine/statistiques';
import { lireLimite, parametresInconnus } from '../../src/domaine/parametres';

const TAXONOMIE = new Map([
  ['d-transition', { slug: 'transition-ecologique-et-energetique', nom: 'Transition écologique et énergétique' }],
  ['d-mobilites', { slug: 'mobilites', nom: 'Mobilités' }],
  ['d-energie', { slug: 'performance-energetique', nom: 'Performance énergétique' }],
  ['d-vision', { slug: 'vision-par-ordinateur', nom: 'Vision par ordinateur' }],
]);

const COMPTES: Comptes = {
  projets: 7,
  collectivites: 5,
  collectivitesPorteuses: 4,
  offreurs: 2,
  thematiques: [
    { cle: 'd-mobilites', total: '2' },
    { cle: 'd-transition', total: 5 },
    { cle: 'd-inconnue', total: 1 },
  ],
  sousThematiques: [{ cle: 'd-energie', total: 3 }],
  techniques: [{ cle: 'd-vision', total: 1 }],
  statuts: [
    { cle: 'deploiement', total: '4' },
    { cle: 'exploration', total: 3 },
  ],
  typesCollectivite: [
    { cle: null, total: 1 },
    { cle: 'commune', total: 2 },
    { cle: 'epci', total: 4 },
  ],
  regions: [
    { cle: '53', total: 3 },
    { cle: null, total: 1 },
    { cle: '99', total: 3 },
  ],
  annees: [
    { cle: null, total: 2 },
    { cle: 2023, total: 3 },
    { cle: '2021', total: 1 },
    { cle: 2021, total: 1 },
  ],
};

describe('assemblerStatistiques', () => {
  const s = assemblerStatistiques(COMPTES, TAXONOMIE);

  it('libelle les taxonomies par slug et nom, du plus grand au plus petit total, sans entrée inconnue', () => {
    expect(s.parThematique).toEqual([
      { cle: 'transition-ecologique-et-energetique', libelle: 'Transition écologique et énergétique', total: 5 },
      { cle: 'mobilites', libelle: 'Mobilités', total: 2 },
    ]);
    expect(s.parSousThematique).toEqual([{ cle: 'performance-energetique', libelle: 'Performance énergétique', total: 3 }]);
  });

  it('donne tous les statuts dans l’ordre de la vie d’un projet, zéros compris', () => {
    expect(s.parStatut).toEqual([
      { cle: 'exploration', libelle: 'En exploration', total: 3 },
      { cle: 'experimentation', libelle: 'En expérimentation', total: 0 },
      { cle: 'deploiement', libelle: 'En déploiement', total: 4 },
      { cle: 'termine', libelle: 'Terminée', total: 0 },
      { cle: 'abandonne', libelle: 'Abandonné', total: 0 },
    ]);
  });

  it('met « non renseigné » en dernier et nomme les régions connues', () => {
    expect(s.parTypeCollectivite).toEqual([
      { cle: 'epci', libelle: 'EPCI', total: 4 },
      { cle: 'commune', libelle: 'Commune', total: 2 },
      { cle: null, libelle: 'Non renseigné', total: 1 },
    ]);
    expect(s.parRegion).toEqual([
      { cle: '99', libelle: '99', total: 3 },
      { cle: '53', libelle: 'Bretagne', total: 3 },
      { cle: null, libelle: 'Non renseignée', total: 1 },
    ]);
  });

  it('range les années dans l’ordre, fusionne une même année lue en nombre ou en texte', () => {
    expect(s.parAnnee).toEqual([
      { cle: '2021', libelle: '2021', total: 2 },
      { cle: '2023', libelle: '2023', total: 3 },
      { cle: null, libelle: 'Non renseignée', total: 2 },
    ]);
  });

  it('ne donne les comptes par technique (Restreint) qu’à un membre', () => {
    expect(statistiquesPour(s, true).parTechnique).toEqual([{ cle: 'vision-par-ordinateur', libelle: 'Vision par ordinateur', total: 1 }]);
    expect(statistiquesPour(s, false)).not.toHaveProperty('parTechnique');
    expect(statistiquesPour(s, false).projets).toBe(7);
  });
});

describe('paramètres des lectures calculées', () => {
  it.each([
    [undefined, { ok: true, valeur: 5 }],
    ['1', { ok: true, valeur: 1 }],
    ['20', { ok: true, valeur: 20 }],
    [7, { ok: true, valeur: 7 }],
  ])('limit %p accepté', (valeur, attendu) => {
    expect(lireLimite(valeur, 5, 20)).toEqual(attendu);
  });

  it.each([['0'], ['21'], ['1000'], ['2.5'], ['-3'], ['abc'], [''], [['3', '4']], [{ $gt: '3' }]])('limit %p refusé en français', (valeur) => {
    expect(lireLimite(valeur, 5, 20)).toEqual({ ok: false, message: 'Le paramètre « limit » doit être un entier entre 1 et 20.' });
  });

  it('nomme les paramètres inconnus', () => {
    expect(parametresInconnus({ limit: '3' }, ['limit'])).toBeNull();
    expect(parametresInconnus({ tri: 'x', page: '2' }, ['limit'])).toBe('Paramètres inconnus : « tri », « page » (paramètres acceptés : limit).');
    expect(parametresInconnus({ annee: '2020' }, [])).toBe('Paramètre inconnu : « annee » (aucun paramètre accepté).');
  });
});
