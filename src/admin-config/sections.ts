/**
 * Cuts the content-manager's edit layout (one white panel holding every row) into titled panels,
 * following the `sections` of the screens in libelles/: one panel per public section, and one « Accès
 * restreint (membres) » panel gathering the members-only sections, each under its own sub-heading.
 * Pure: run in the admin by the hook 'Admin/CM/pages/EditView/mutate-edit-view-layout'.
 *
 * A heading is a pseudo-field of type TYPE_INTERTITRE (a component registered with `app.addFields`)
 * placed as the first row of its panel. It borrows the name of a field of its section: the
 * content-manager checks the read permission of every field of the layout before rendering it, and a
 * name the user may read is what lets the heading through (its value is never read nor written).
 * Permissions name the leaves of components (« evaluation.risque »), so a component lends the path
 * of its first leaf.
 */
import { ECRANS_TYPES, EXPLICATION_ACCES_RESTREINT, TITRE_ACCES_RESTREINT, type SectionEcran } from './libelles';
import { RELATIONS_REQUISES, VALEURS_REQUISES } from '../domaine/regles-metier';
import { ATTRIBUT_ETAT_REVUE } from './mots-valeurs';

/** Field type of the headings (registered in the admin with `app.addFields`). */
export const TYPE_INTERTITRE = 'intertitre';

/** What the content-manager puts in a layout row (EditFieldLayout), as far as we read it. */
export interface ChampDeMiseEnPage {
  name: string;
  size: number;
  type?: string;
  [cle: string]: unknown;
}

export type Panneau<C> = C[][];

export interface Intertitre {
  titre: string;
  explication?: string;
  /** 'partie' : the « Accès restreint (membres) » part ; 'section' : a section, or a sub-section of it. */
  niveau: 'partie' | 'section';
}

/** Edit layouts of the components, by uid (`layout.components` of the content-manager). */
export type MisesEnPageComposants = Record<string, { layout: ChampDeMiseEnPage[][] } | undefined>;

const uidComposant = (champ: ChampDeMiseEnPage): string | undefined => {
  const attribut = champ.attribute as { type?: string; component?: unknown } | undefined;
  return champ.type === 'component' && typeof attribut?.component === 'string' ? attribut.component : undefined;
};

/** A name the read permissions know: the field's, or the path of a component's first leaf. */
export function nomLisible(champ: ChampDeMiseEnPage, composants: MisesEnPageComposants, profondeur = 0): string {
  const uid = uidComposant(champ);
  const premier = uid ? composants[uid]?.layout.flat()[0] : undefined;
  if (!premier || profondeur > 5) return champ.name;
  return `${champ.name}.${nomLisible(premier, composants, profondeur + 1)}`;
}

/** The heading pseudo-field, full width, under the name `nom` (see above). */
export function champIntertitre(intertitre: Intertitre, nom: string): ChampDeMiseEnPage {
  return {
    name: nom,
    size: 12,
    type: TYPE_INTERTITRE,
    label: intertitre.titre,
    hint: intertitre.explication,
    attribute: { type: TYPE_INTERTITRE, niveau: intertitre.niveau },
    visible: true,
    disabled: false,
    required: false,
    unique: false,
    placeholder: '',
  };
}

/**
 * The screen (content-type uid) whose sections hold every field of the layout, the closest one when
 * several do (taxonomies share their fields); undefined when none does.
 */
export function ecranDuFormulaire(noms: readonly string[], ecrans = ECRANS_TYPES, ignores: readonly string[] = []): string | undefined {
  let meilleur: { uid: string; ecart: number } | undefined;
  const utiles = noms.filter((nom) => !ignores.includes(nom));
  if (utiles.length === 0) return undefined;
  for (const [uid, ecran] of Object.entries(ecrans)) {
    const champs = new Set((ecran.sections ?? []).flatMap((s) => s.lignes.flat().map((e) => e.champ)));
    if (champs.size === 0 || !utiles.every((nom) => champs.has(nom))) continue;
    const ecart = champs.size - utiles.length;
    if (!meilleur || ecart < meilleur.ecart) meilleur = { uid, ecart };
  }
  return meilleur?.uid;
}

const contientZoneDynamique = <C extends ChampDeMiseEnPage>(panneau: Panneau<C>) =>
  panneau.some((ligne) => ligne.some((champ) => champ.type === 'dynamiczone'));

/**
 * The titled panels. Rows go to the section of their first field (rows mixing sections, made by
 * hand in « Configurer la vue », stay whole); rows of fields in no section end in an untitled panel;
 * sections left without a row (fields hidden) disappear. Dynamic-zone panels are kept as they are.
 */
export function decouperEnSections<C extends ChampDeMiseEnPage>(
  panneaux: ReadonlyArray<Panneau<C>>,
  sections: readonly SectionEcran[],
  composants: MisesEnPageComposants = {},
): Panneau<C>[] {
  // A plain field of the section if there is one, else the path of a component's first leaf.
  const emprunt = (lignes: C[][]) => {
    const champs = lignes.flat();
    return nomLisible(champs.find((c) => !uidComposant(c)) ?? champs[0], composants);
  };
  const fabriquer = (intertitre: Intertitre, lignes: C[][]) => champIntertitre(intertitre, emprunt(lignes)) as C;
  if (sections.length === 0) return [...panneaux];
  const sectionDe = new Map<string, number>();
  sections.forEach((section, index) => {
    for (const ligne of section.lignes) for (const { champ } of ligne) sectionDe.set(champ, index);
  });

  const lignesParSection = sections.map((): C[][] => []);
  const horsSections: C[][] = [];
  const zonesDynamiques: Panneau<C>[] = [];
  for (const panneau of panneaux) {
    if (contientZoneDynamique(panneau)) {
      zonesDynamiques.push(panneau);
      continue;
    }
    for (const ligne of panneau) {
      if (ligne.length === 0) continue;
      const index = sectionDe.get(ligne[0].name);
      (index === undefined ? horsSections : lignesParSection[index]).push(ligne);
    }
  }

  const resultat: Panneau<C>[] = [];
  let partieRestreinte: Panneau<C> | undefined;
  sections.forEach((section, index) => {
    const lignes = lignesParSection[index];
    if (lignes.length === 0) return;
    const titre = fabriquer({ titre: section.titre, niveau: 'section' }, lignes);
    if (!section.restreinte) {
      resultat.push([[titre], ...lignes]);
      return;
    }
    if (!partieRestreinte) {
      partieRestreinte = [[fabriquer({ titre: TITRE_ACCES_RESTREINT, explication: EXPLICATION_ACCES_RESTREINT, niveau: 'partie' }, lignes)]];
      resultat.push(partieRestreinte);
    }
    partieRestreinte.push([titre], ...lignes);
  });
  if (horsSections.length > 0) resultat.push(horsSections);
  return [...resultat, ...zonesDynamiques];
}

/** The review state, added to the reviewed types' screens by src/bootstrap/ecrans-admin.ts. */
const SECTION_REVUE: SectionEcran = { titre: 'Revue', lignes: [[{ champ: ATTRIBUT_ETAT_REVUE, taille: 6 }]] };

/** Shown only when they apply (schema `conditions`), so required whenever they are shown. */
const REQUIS_QUAND_AFFICHES: Readonly<Record<string, readonly string[]>> = { 'api::projet.projet': ['motifAbandon'] };

/**
 * The edit layout of the admin: titled sections, and an asterisk on the fields the server requires
 * (RELATIONS_REQUISES, VALEURS_REQUISES, conditional fields) although their schema does not say so. Unchanged when the
 * fields are those of no screen.
 */
export function miseEnPageDuFormulaire<C extends ChampDeMiseEnPage>(
  panneaux: ReadonlyArray<Panneau<C>>,
  composants: MisesEnPageComposants = {},
  ecrans = ECRANS_TYPES,
): Panneau<C>[] {
  const uid = ecranDuFormulaire(panneaux.flat(2).map((champ) => champ.name), ecrans, [ATTRIBUT_ETAT_REVUE]);
  if (!uid) return [...panneaux];
  const requis = new Set([...(RELATIONS_REQUISES[uid] ?? []), ...(VALEURS_REQUISES[uid] ?? []), ...(REQUIS_QUAND_AFFICHES[uid] ?? [])]);
  const marques = panneaux.map((panneau) => panneau.map((ligne) => ligne.map((champ) => (requis.has(champ.name) ? { ...champ, required: true } : champ))));
  return decouperEnSections(marques, [...(ecrans[uid].sections ?? []), SECTION_REVUE], composants);
}
