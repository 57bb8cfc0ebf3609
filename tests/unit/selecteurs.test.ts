import {
  expressionPliee,
  libelleCollectivite,
  libelleSousTheme,
  motifsRecherche,
  PLIAGE,
  plier,
  regleSelecteur,
} from '../../src/domaine/selecteurs';
import { NIVEAUX_THEMATIQUES, UID } from '../../src/domaine/regles-metier';
import { construireCollectivites } from '../../src/referentiel/collectivites';
import { THEMATIQUES } from '../../src/referentiel/taxonomies';

const REFERENTIEL = construireCollectivites();

describe('regleSelecteur : ce que la règle d’enregistrement accepte', () => {
  it('thématique : les thèmes ; sous-thématiques : les sous-thèmes, groupés par thème', () => {
    expect(regleSelecteur(UID.projet, 'thematique')).toEqual({ filtre: { parent: { id: { $null: true } } } });
    expect(regleSelecteur(UID.projet, 'sousThematiques')).toEqual({
      filtre: { parent: { id: { $notNull: true } } },
      tri: ['parent.ordre:asc', 'nom:asc'],
    });
    expect(regleSelecteur(UID.thematique, 'parent')?.filtre).toEqual({ parent: { id: { $null: true } } });
  });

  it('une règle par champ de NIVEAUX_THEMATIQUES, aucune ailleurs', () => {
    for (const [modele, champs] of Object.entries(NIVEAUX_THEMATIQUES)) {
      for (const champ of Object.keys(champs)) expect(regleSelecteur(modele, champ)).not.toBeNull();
    }
    expect(regleSelecteur(UID.initiative, 'thematiques')).toBeNull();
    expect(regleSelecteur(UID.projet, 'publics')).toBeNull();
  });
});

describe('libellés', () => {
  it('sous-thème précédé de son thème', () => {
    expect(libelleSousTheme('Mobilités', 'Covoiturage')).toBe('Covoiturage (Mobilités)');
  });

  it('collectivité : nom, type en minuscules sauf sigle, département', () => {
    expect(libelleCollectivite({ nom: 'Metz', type: 'commune', sousType: 'commune-actuelle', codeDepartement: '57' })).toBe('Metz — commune (57)');
    expect(libelleCollectivite({ nom: 'Metz Métropole', type: 'epci', sousType: 'METRO', codeDepartement: '57' })).toBe('Metz Métropole — EPCI (57)');
    expect(libelleCollectivite({ nom: 'Mametz', type: 'commune', sousType: 'commune-deleguee', codeDepartement: '80' })).toBe('Mametz — commune déléguée (80)');
    expect(libelleCollectivite({ nom: 'Moselle', type: 'departement', codeDepartement: '57' })).toBe('Moselle — département (57)');
    expect(libelleCollectivite({ nom: 'Grand Est', type: 'region', codeDepartement: null })).toBe('Grand Est — région');
    expect(libelleCollectivite({ nom: 'Paris Ouest La Défense', type: 'ept', sousType: 'EPT', codeDepartement: '92' })).toBe(
      'Paris Ouest La Défense — établissement public territorial (92)',
    );
  });

  it('les homonymes du référentiel (plus de mille noms) se distinguent tous', () => {
    const vus = new Set<string>();
    const doublons = new Set<string>();
    const homonymes = new Map<string, number>();
    for (const collectivite of REFERENTIEL) {
      const libelle = libelleCollectivite(collectivite);
      if (vus.has(libelle)) doublons.add(libelle);
      vus.add(libelle);
      homonymes.set(collectivite.nom, (homonymes.get(collectivite.nom) ?? 0) + 1);
    }
    expect([...homonymes.values()].filter((n) => n > 1).length).toBeGreaterThan(1000);
    expect([...doublons]).toEqual([]);
  });
});

describe('pliage de la recherche', () => {
  it('couvre chaque lettre non ASCII des noms du référentiel et des taxonomies', () => {
    const noms = [...REFERENTIEL.map((c) => c.nom), ...THEMATIQUES.map((t) => t.nom.fr)];
    const lettres = new Set(noms.flatMap((n) => [...n.toLowerCase()]).filter((c) => /\p{L}/u.test(c) && !/[a-z]/.test(c)));
    expect([...lettres].filter((c) => plier(c) === c)).toEqual([]);
    // What SQLite's LOWER leaves: the upper-case letters themselves.
    const majuscules = new Set(noms.flatMap((n) => [...n]).filter((c) => /\p{Lu}/u.test(c) && !/[A-Z]/.test(c)));
    expect([...majuscules].filter((c) => !PLIAGE.some(([de]) => de === c))).toEqual([]);
  });

  it('minuscules, sans accents ni ligatures', () => {
    expect(plier('Écouen')).toBe('ecouen');
    expect(plier('Œuilly')).toBe('oeuilly');
    expect(plier('L’Haÿ-les-Roses')).toBe('l’hay-les-roses');
  });

  it('motifs : exact, début, contenu, jokers de LIKE échappés', () => {
    expect(motifsRecherche('  Metz   Métropole ')).toMatchObject({ exact: 'metz metropole', debut: 'metz metropole%', contient: '%metz metropole%' });
    expect(motifsRecherche('50%_!')).toMatchObject({ exact: '50%_!', debut: '50!%!_!!%', contient: '%50!%!_!!%' });
  });

  it('le filtre préalable laisse passer chaque nom qui correspond', () => {
    const likeVersRegex = (motif: string) =>
      new RegExp(`^${motif.replace(/!(.)|(%)|(_)|([.*+?^${}()|[\]\\])/g, (_m, echappe, pourcent, souligne, special) =>
        echappe ? `\\${echappe}` : pourcent ? '.*' : souligne ? '.' : `\\${special}`)}$`, 'u');
    const noms = REFERENTIEL.map((c) => c.nom);
    for (const recherche of ['Metz', 'ecouen', 'oeuilly', 'Saint-Étienne', 'st', 'a']) {
      const { prealable } = motifsRecherche(recherche);
      const attendu = plier(recherche);
      const correspondants = noms.filter((n) => plier(n).includes(attendu));
      expect(correspondants.length).toBeGreaterThan(0);
      const regex = likeVersRegex(prealable);
      expect(correspondants.filter((n) => !regex.test(n.toLowerCase()))).toEqual([]);
    }
    expect(motifsRecherche('Metz').prealable).toBe('%m_tz%');
  });

  it('expression SQL : un REPLACE par paire, la colonne en identifiant', () => {
    const { sql, valeurs } = expressionPliee('nom');
    expect(sql.match(/REPLACE\(/g)).toHaveLength(PLIAGE.length);
    expect(sql).toContain('LOWER(??)');
    expect(valeurs).toEqual(['nom', ...PLIAGE.flat()]);
  });
});
