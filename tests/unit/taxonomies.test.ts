import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import path from 'node:path';

import {
  EntreeTaxonomie,
  PUBLICS_CIBLES,
  TECHNIQUES_IA,
  THEMATIQUES,
  resoudreEntree,
} from '../../src/referentiel/taxonomies';

/* ---------- reference files of Les Interconnectés (schema + the 33 projects of their library) ---------- */

const REFERENCE = path.resolve(__dirname, '../../donnees/interconnectes');

function lireProjets(): Record<string, string>[] {
  return parse(readFileSync(path.join(REFERENCE, 'data.csv')), { bom: true, columns: true, skip_empty_lines: true });
}

interface ChampSchema {
  name: string;
  constraints?: { enum?: string[] };
}
function enumSchema(champ: string): string[] {
  const schema = JSON.parse(
    readFileSync(path.join(REFERENCE, 'interconnectes_IA-schema.json'), 'utf8'),
  ) as { fields: ChampSchema[] };
  const valeurs = schema.fields.find((f) => f.name === champ)?.constraints?.enum;
  if (!valeurs) throw new Error(`Champ ${champ} sans enum dans le schéma`);
  return valeurs;
}

const valeursMultiples = (cellule: string | undefined): string[] =>
  (cellule ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/* ---------- structure ---------- */

const themes = THEMATIQUES.filter((t) => t.parent === undefined);
const sousThemes = THEMATIQUES.filter((t) => t.parent !== undefined);

function verifierListe(liste: readonly EntreeTaxonomie[]): void {
  const slugs = liste.map((e) => e.slug);
  expect(new Set(slugs).size).toBe(slugs.length);
  for (const entree of liste) {
    expect(entree.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(entree.nom.fr.trim()).not.toBe('');
    expect(entree.nom.en.trim()).not.toBe('');
    if (entree.description) {
      expect(entree.description.fr.trim()).not.toBe('');
      expect(entree.description.en.trim()).not.toBe('');
    }
  }
  // No spelling (name or alias) may lead to two different entries.
  const orthographes = liste.flatMap((e) => [e.nom.fr, ...(e.alias ?? [])]);
  expect(new Set(orthographes).size).toBe(orthographes.length);
}

function verifierOrdre(niveau: readonly EntreeTaxonomie[]): void {
  expect(niveau.map((e) => e.ordre).sort((a, b) => a - b)).toEqual(niveau.map((_, i) => i + 1));
}

describe('THEMATIQUES', () => {
  it('contient 6 thèmes puis 34 sous-thèmes', () => {
    expect(THEMATIQUES).toHaveLength(40);
    expect(themes).toHaveLength(6);
    expect(sousThemes).toHaveLength(34);
    expect(THEMATIQUES.slice(0, 6)).toEqual(themes);
  });

  it('a des slugs uniques en kebab-case, des noms fr/en et une orthographe par entrée', () => {
    verifierListe(THEMATIQUES);
  });

  it('numérote chaque niveau à partir de 1', () => {
    verifierOrdre(themes);
    verifierOrdre(sousThemes);
  });

  it('rattache chaque sous-thème à un thème, et chaque thème a au moins un sous-thème', () => {
    const slugsThemes = new Set(themes.map((t) => t.slug));
    for (const sousTheme of sousThemes) expect(slugsThemes.has(sousTheme.parent as string)).toBe(true);
    for (const theme of themes) {
      expect(sousThemes.filter((s) => s.parent === theme.slug).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('décrit les 6 thèmes en français et en anglais', () => {
    for (const theme of themes) {
      expect(theme.description?.fr).toMatch(/\S/);
      expect(theme.description?.en).toMatch(/\S/);
    }
  });

  it('reprend exactement les enums Theme et Sous_Theme du schéma', () => {
    expect(themes.map((t) => t.nom.fr).sort()).toEqual([...enumSchema('Theme')].sort());
    expect(sousThemes.map((t) => t.nom.fr).sort()).toEqual([...enumSchema('Sous_Theme')].sort());
  });

  it('accepte les deux orthographes du thème 1', () => {
    const transition = resoudreEntree(THEMATIQUES, 'Transition écologique et énergétique');
    expect(transition?.slug).toBe('transition-ecologique-et-energetique');
    expect(resoudreEntree(THEMATIQUES, 'Transformation écologique et énergétique')).toBe(transition);
  });

  it('accepte l’apostrophe droite quand le nom a une apostrophe typographique', () => {
    for (const entree of THEMATIQUES.filter((e) => e.nom.fr.includes('’'))) {
      expect(resoudreEntree(THEMATIQUES, entree.nom.fr.replace(/’/g, "'"))).toBe(entree);
    }
    expect(resoudreEntree(THEMATIQUES, "Gestion de l'eau")?.slug).toBe('gestion-de-l-eau');
  });
});

describe('PUBLICS_CIBLES et TECHNIQUES_IA', () => {
  it('comptent 10 publics et 8 techniques, bien formés', () => {
    expect(PUBLICS_CIBLES).toHaveLength(10);
    expect(TECHNIQUES_IA).toHaveLength(8);
    verifierListe(PUBLICS_CIBLES);
    verifierListe(TECHNIQUES_IA);
    verifierOrdre(PUBLICS_CIBLES);
    verifierOrdre(TECHNIQUES_IA);
    expect(PUBLICS_CIBLES.every((e) => e.parent === undefined)).toBe(true);
    expect(TECHNIQUES_IA.every((e) => e.parent === undefined)).toBe(true);
  });

  it('résout chaque valeur des enums Audience et type_algorithme du schéma', () => {
    for (const valeur of enumSchema('Audience')) {
      expect([valeur, resoudreEntree(PUBLICS_CIBLES, valeur)?.slug]).toEqual([valeur, expect.any(String)]);
    }
    for (const valeur of enumSchema('type_algorithme')) {
      expect([valeur, resoudreEntree(TECHNIQUES_IA, valeur)?.slug]).toEqual([valeur, expect.any(String)]);
    }
    expect(resoudreEntree(PUBLICS_CIBLES, 'Elu')?.slug).toBe('elu');
    expect(resoudreEntree(PUBLICS_CIBLES, 'Etablissement santé')?.slug).toBe('etablissement-de-sante');
    expect(resoudreEntree(TECHNIQUES_IA, 'Machine Learning')?.slug).toBe('apprentissage-automatique');
    expect(resoudreEntree(TECHNIQUES_IA, 'NSP')?.nom.fr).toBe('Ne sait pas');
  });
});

describe('resoudreEntree', () => {
  it('compare exactement, puis après suppression des espaces autour', () => {
    expect(resoudreEntree(THEMATIQUES, '  Mobilités ')?.slug).toBe('mobilites');
    expect(resoudreEntree(THEMATIQUES, 'mobilités')).toBeUndefined();
    expect(resoudreEntree(THEMATIQUES, 'Inconnu')).toBeUndefined();
  });
});

/* ---------- the 33 real projects ---------- */

describe('valeurs du fichier data.csv des Interconnectés', () => {
  let projets: Record<string, string>[] = [];
  beforeAll(() => {
    projets = lireProjets();
  });

  it('contient les 33 projets', () => {
    expect(projets).toHaveLength(33);
  });

  it('résout chaque Theme, Sous_Theme, Audience et type_algorithme', () => {
    const nonResolues: string[] = [];
    const verifier = (colonne: string, liste: readonly EntreeTaxonomie[], valeurs: string[]): void => {
      for (const valeur of valeurs) {
        if (!resoudreEntree(liste, valeur)) nonResolues.push(`${colonne}: « ${valeur} »`);
      }
    };
    let nbSousThemes = 0;
    for (const projet of projets) {
      verifier('Theme', themes, [projet.Theme]);
      const sousThemesProjet = valeursMultiples(projet.Sous_Theme);
      nbSousThemes += sousThemesProjet.length;
      expect(sousThemesProjet.length).toBeLessThanOrEqual(2);
      verifier('Sous_Theme', sousThemes, sousThemesProjet);
      verifier('Audience', PUBLICS_CIBLES, valeursMultiples(projet.Audience));
      // type_algorithme is restricted data: the published file may omit the column.
      verifier('type_algorithme', TECHNIQUES_IA, valeursMultiples(projet.type_algorithme));
    }
    expect(nonResolues).toEqual([]);
    expect(nbSousThemes).toBeGreaterThan(33);
  });
});
