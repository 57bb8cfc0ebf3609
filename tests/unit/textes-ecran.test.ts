import { libelleSousTheme } from '../../src/domaine/selecteurs';
import { codesBruts, defautOption, defautsSelecteur, estCodeBrut, motsTrouves } from '../helpers/textes-ecran';
import { PUBLICS_CIBLES, THEMATIQUES } from '../../src/referentiel/taxonomies';

const THEMES = THEMATIQUES.filter((t) => !t.parent);
const SOUS_THEMES = THEMATIQUES.filter((t) => t.parent);
const TOUTES = [...THEMATIQUES, ...PUBLICS_CIBLES];

describe('codes bruts', () => {
  it('un code est brut quand il n’est pas un mot de son libellé français', () => {
    expect(estCodeBrut('experimentation', 'En expérimentation')).toBe(true);
    expect(estCodeBrut('jeu_de_donnees_interne', 'Jeu de données interne')).toBe(true);
    expect(estCodeBrut('nsp', 'Ne sait pas')).toBe(true);
    expect(estCodeBrut('limite', 'Risque limité')).toBe(true);
    expect(estCodeBrut('exploration', 'En exploration')).toBe(false);
    expect(estCodeBrut('interne', 'En interne de l’administration')).toBe(false);
    expect(estCodeBrut('api', 'Par API')).toBe(false);
  });

  it('la liste vient des énumérations et des états de la revue', () => {
    const codes = codesBruts();
    expect(codes).toEqual(expect.arrayContaining(['experimentation', 'deploiement', 'jeu_de_donnees_interne', 'nsp', 'moins_50k', 'marche_public', 'sans_decision_individuelle', 'en_validation', 'modifications_demandees', 'publie']));
    expect(codes).not.toEqual(expect.arrayContaining(['exploration']));
    expect(codes).not.toContain('brouillon');
    expect(codes).not.toContain('commune');
  });
});

describe('mots trouvés sur un écran', () => {
  it('cherche des mots entiers, accents et casse compris', () => {
    const codes = ['experimentation', 'nsp', 'limite', 'en_validation'];
    expect(motsTrouves('Statut : experimentation, hébergement nsp', codes)).toEqual(['experimentation', 'nsp']);
    expect(motsTrouves('En expérimentation — Risque limité — Ne sait pas', codes)).toEqual([]);
    expect(motsTrouves('brouillon → en_validation', codes)).toEqual(['en_validation']);
    expect(motsTrouves('max. 150 characters', ['characters', 'Save'])).toEqual(['characters']);
    expect(motsTrouves('Enregistrer, Sauvegardé, Saved', ['Save'])).toEqual([]);
  });
});

describe('options des sélecteurs', () => {
  it('accepte une entrée française attendue, un sous-thème suivi de son thème', () => {
    expect(defautOption('Mobilités', THEMES, TOUTES)).toBeNull();
    expect(defautOption('Grand public', PUBLICS_CIBLES, TOUTES)).toBeNull();
    expect(defautOption(libelleSousTheme('Transition écologique et énergétique', 'Déchets et économie circulaire'), SOUS_THEMES, TOUTES)).toBeNull();
  });

  it('signale l’anglais, ce que la règle refuse, un mauvais thème et l’inconnu', () => {
    expect(defautOption('Mobility', THEMES, TOUTES)).toBe('« Mobility » est en anglais (« Mobilités »)');
    expect(defautOption('Elected official', PUBLICS_CIBLES, TOUTES)).toMatch(/en anglais/);
    expect(defautOption('Participation citoyenne', THEMES, TOUTES)).toMatch(/pas accepté ici/);
    expect(defautOption('Mobilités', SOUS_THEMES, TOUTES)).toMatch(/pas accepté ici/);
    expect(defautOption(libelleSousTheme('Mobilités', 'Déchets et économie circulaire'), SOUS_THEMES, TOUTES)).toMatch(/pas une entrée du référentiel ainsi libellée/);
    expect(defautOption('Déchets et économie circulaire', SOUS_THEMES, TOUTES)).toMatch(/pas accepté ici/);
    expect(defautOption('Covoiturage solaire', SOUS_THEMES, TOUTES)).toMatch(/pas une entrée du référentiel/);
  });

  it('signale les doublons (une entrée identique dans les deux langues)', () => {
    expect(defautsSelecteur(['Mobilités', 'Mobilités'], THEMES, TOUTES)).toEqual(['« Mobilités » apparaît deux fois']);
  });
});
