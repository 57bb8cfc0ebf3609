/**
 * What an agent must never read on an admin screen (issue 11): raw codes of enumerations and review
 * states, Strapi's English strings, English or misplaced entries in the relation pickers. Pure, so the
 * browser test only collects texts and a unit test pins the rules.
 */
import { libelleSousTheme } from '../../src/domaine/selecteurs';
import { LIBELLES_VALEURS } from '../../src/admin-config/valeurs';
import { ETATS, LIBELLES_ETATS } from '../../src/plugins/revue-editoriale/public';
import type { EntreeTaxonomie } from '../../src/referentiel/taxonomies';

const LETTRE = '[\\p{L}\\p{N}_]';

function motEntier(mot: string, drapeaux = 'u'): RegExp {
  const echappe = mot.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<!${LETTRE})${echappe}(?!${LETTRE})`, drapeaux);
}

/**
 * A stored value is a raw code when it is not a word of its own French label: `jeu_de_donnees_interne`,
 * `experimentation` (« En expérimentation »), `nsp`; `exploration` (« En exploration ») or `interne` are
 * words an agent may legitimately read.
 */
export function estCodeBrut(valeur: string, libelle: string): boolean {
  return valeur.includes('_') || !motEntier(valeur, 'iu').test(libelle);
}

/** Every raw code of the enumerations (LIBELLES_VALEURS) and of the review states, once each, sorted. */
export function codesBruts(): string[] {
  const codes = new Set<string>();
  for (const attributs of Object.values(LIBELLES_VALEURS)) {
    for (const valeurs of Object.values(attributs)) {
      for (const [valeur, libelle] of Object.entries(valeurs)) if (estCodeBrut(valeur, libelle)) codes.add(valeur);
    }
  }
  for (const etat of ETATS) if (estCodeBrut(etat, LIBELLES_ETATS[etat])) codes.add(etat);
  return [...codes].sort();
}

/** Strapi's English strings met by editorial roles before the translations (issue 11, item 11). */
export const CHAINES_ANGLAISES: readonly string[] = [
  'Content Manager',
  'Create a relation',
  'Add relation',
  'No relations available',
  'Relations are loading',
  'characters',
  'Bulleted list',
  'Numbered list',
  'Set up preview',
  'Loading content',
  'Your tasks',
  'Draft',
  'Published',
  'Modified',
  'Save',
  'Publish',
  'Unpublish',
  'Discard changes',
  'Last edited entries',
  'Last published entries',
  'Guided tour',
  'Add Widget',
  'Learn more',
  'Read blog post',
  'Introducing',
  'Close the banner',
  'No entry yet',
  'Add an entry',
  'Add a component',
  'Choose here',
  'entries found',
  'Untitled',
  'Strapi Cloud',
  'Deploy',
  'Edit',
  'Delete',
  'Cancel',
  'Confirm',
  'More actions',
  'Whoops',
];

/** The sorted, distinct whole-word occurrences of `mots` in `texte` (case-sensitive). */
export function motsTrouves(texte: string, mots: readonly string[]): string[] {
  return [...new Set(mots.filter((mot) => motEntier(mot).test(texte)))].sort();
}

/**
 * Why a picker option is not a French entry of `attendues`, or null when it is one. A sub-theme is
 * shown with its theme, as the picker labels it (`libelleSousTheme`): the theme must be its parent.
 */
export function defautOption(option: string, attendues: readonly EntreeTaxonomie[], toutes: readonly EntreeTaxonomie[]): string | null {
  const libelle = (e: EntreeTaxonomie) => {
    const parent = e.parent ? toutes.find((p) => p.slug === e.parent) : undefined;
    return parent ? libelleSousTheme(parent.nom.fr, e.nom.fr) : e.nom.fr;
  };
  if (attendues.some((e) => libelle(e) === option)) return null;
  if (toutes.some((e) => libelle(e) === option || e.nom.fr === option)) return `« ${option} » n’est pas accepté ici`;
  const anglaise = toutes.find((e) => e.nom.en === option);
  return anglaise ? `« ${option} » est en anglais (« ${anglaise.nom.fr} »)` : `« ${option} » n’est pas une entrée du référentiel ainsi libellée`;
}

/** The defects of a picker's whole option list: each option's, and duplicates. */
export function defautsSelecteur(options: readonly string[], attendues: readonly EntreeTaxonomie[], toutes: readonly EntreeTaxonomie[]): string[] {
  const defauts = options.map((o) => defautOption(o, attendues, toutes)).filter((d): d is string => d !== null);
  const vus = new Set<string>();
  for (const option of options) {
    if (vus.has(option)) defauts.push(`« ${option} » apparaît deux fois`);
    vus.add(option);
  }
  return defauts;
}
