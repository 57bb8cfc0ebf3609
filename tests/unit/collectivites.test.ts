import { sirenValide } from '../../src/domaine/siren';
import { LigneCollectivite, construireCollectivites } from '../../src/referentiel/collectivites';

describe('construireCollectivites', () => {
  let lignes: LigneCollectivite[] = [];
  const parCle = new Map<string, LigneCollectivite>();
  const trouverParCle = (cle: string): LigneCollectivite => {
    const ligne = parCle.get(cle);
    if (!ligne) throw new Error(`Aucune collectivité de clé ${cle}`);
    return ligne;
  };

  beforeAll(() => {
    lignes = construireCollectivites();
    for (const ligne of lignes) parCle.set(ligne.cle, ligne);
  });

  it('produit toutes les collectivités du paquet, par type', () => {
    const parType: Record<string, number> = {};
    for (const ligne of lignes) parType[ligne.type] = (parType[ligne.type] ?? 0) + 1;
    expect(parType).toEqual({ commune: 37590, epci: 1255, ept: 11, departement: 109, region: 26 });
    expect(lignes).toHaveLength(38991);
  });

  it('n’a jamais deux lignes avec la même clé, le même slug ou le même SIREN', () => {
    const uniques = (valeurs: string[]) => new Set(valeurs).size === valeurs.length;
    expect(uniques(lignes.map((l) => l.cle))).toBe(true);
    expect(uniques(lignes.map((l) => l.slug))).toBe(true);
    const sirens = lignes.map((l) => l.siren).filter((s): s is string => s !== null);
    expect(sirens.length).toBeGreaterThan(36000);
    expect(uniques(sirens)).toBe(true);
  });

  it('a des slugs ascii kebab-case et des SIREN valides', () => {
    for (const ligne of lignes) {
      expect(ligne.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      if (ligne.siren !== null) expect([ligne.cle, sirenValide(ligne.siren)]).toEqual([ligne.cle, true]);
    }
  });

  it('décrit Bordeaux Métropole comme une métropole de Gironde', () => {
    const bordeauxMetropole = lignes.find((l) => l.siren === '243300316');
    expect(bordeauxMetropole).toMatchObject({
      cle: 'epci:243300316',
      nom: 'Bordeaux Métropole',
      slug: 'bordeaux-metropole',
      type: 'epci',
      sousType: 'METRO',
      codeInsee: '243300316',
      codeDepartement: '33',
      codeRegion: '75',
    });
    expect(bordeauxMetropole?.population).toBeGreaterThan(800000);
  });

  it('décrit la commune de Bordeaux', () => {
    expect(trouverParCle('commune:33063')).toMatchObject({
      nom: 'Bordeaux',
      slug: 'bordeaux-33063',
      type: 'commune',
      sousType: 'commune-actuelle',
      siren: '213300635',
      codeDepartement: '33',
      codeRegion: '75',
    });
  });

  it('rattache les EPCI et EPT au département qui porte le plus de population', () => {
    expect(trouverParCle('epci:200046977')).toMatchObject({ sousType: 'MET69', codeDepartement: '69', codeRegion: '84' });
    expect(trouverParCle('epci:200054781')).toMatchObject({ sousType: 'METRO', codeDepartement: '75', codeRegion: '11' });
    expect(trouverParCle('ept:200057982')).toMatchObject({
      nom: 'Paris Ouest La Défense',
      sousType: 'EPT',
      siren: '200057982',
      codeDepartement: '92',
      codeRegion: '11',
    });
    for (const ligne of lignes.filter((l) => l.type === 'epci' || l.type === 'ept')) {
      expect(ligne.siren).toBe(ligne.codeInsee);
      expect(ligne.codeDepartement).not.toBeNull();
      expect(ligne.codeRegion).not.toBeNull();
      expect(ligne.population).toBeGreaterThan(0);
    }
  });

  it('renseigne sous-type, SIREN et codes selon le type', () => {
    const sousTypes = new Map<string, Set<string | null>>();
    for (const ligne of lignes) {
      const ensemble = sousTypes.get(ligne.type) ?? new Set<string | null>();
      ensemble.add(ligne.sousType);
      sousTypes.set(ligne.type, ensemble);
    }
    expect([...(sousTypes.get('commune') ?? [])].sort()).toEqual([
      'arrondissement-municipal',
      'commune-actuelle',
      'commune-associee',
      'commune-deleguee',
    ]);
    expect([...(sousTypes.get('epci') ?? [])].sort()).toEqual(['CA', 'CC', 'CU', 'MET69', 'METRO']);
    expect([...(sousTypes.get('ept') ?? [])]).toEqual(['EPT']);
    expect([...(sousTypes.get('departement') ?? [])]).toEqual([null]);
    expect([...(sousTypes.get('region') ?? [])]).toEqual([null]);
    for (const ligne of lignes.filter((l) => l.type === 'departement' || l.type === 'region')) {
      expect(ligne.siren).toBeNull();
    }
    expect(trouverParCle('departement:33')).toMatchObject({ nom: 'Gironde', codeDepartement: '33', codeRegion: '75' });
    expect(trouverParCle('region:75')).toMatchObject({ nom: 'Nouvelle-Aquitaine', codeDepartement: null, codeRegion: '75' });
  });

  it('somme la population des communes actuelles pour les départements et régions', () => {
    const communesActuelles = lignes.filter((l) => l.type === 'commune' && l.sousType === 'commune-actuelle');
    const gironde = communesActuelles
      .filter((l) => l.codeDepartement === '33')
      .reduce((somme, l) => somme + (l.population ?? 0), 0);
    expect(trouverParCle('departement:33').population).toBe(gironde);
    expect(gironde).toBeGreaterThan(1_500_000);
    // Each région holds exactly the population of its départements.
    for (const region of lignes.filter((l) => l.type === 'region' && l.population !== null)) {
      const departements = lignes.filter((l) => l.type === 'departement' && l.codeRegion === region.codeRegion);
      expect([region.nom, departements.reduce((s, d) => s + (d.population ?? 0), 0)]).toEqual([
        region.nom,
        region.population,
      ]);
    }
  });

  it('distingue une commune déléguée qui partage le code de sa commune nouvelle', () => {
    expect(trouverParCle('commune:10003')).toMatchObject({ nom: 'Aix-Villemaur-Pâlis', sousType: 'commune-actuelle' });
    expect(trouverParCle('commune:10003:deleguee')).toMatchObject({
      nom: 'Aix-en-Othe',
      sousType: 'commune-deleguee',
      codeInsee: '10003',
      siren: null,
    });
  });

  it('suffixe le slug seulement en cas d’homonymie, de façon déterministe', () => {
    expect(trouverParCle('region:01').slug).toBe('guadeloupe');
    expect(trouverParCle('departement:971').slug).toBe('guadeloupe-971');
    expect(trouverParCle('departement:33').slug).toBe('gironde');
    expect(trouverParCle('commune:2A004').slug).toBe('ajaccio-2a004');
    expect(construireCollectivites().map((l) => `${l.cle}|${l.slug}|${l.siren}`)).toEqual(
      lignes.map((l) => `${l.cle}|${l.slug}|${l.siren}`),
    );
  });
});
