/**
 * Hook 'Admin/CM/pages/EditView/mutate-edit-view-layout': titled sections, and an asterisk on the
 * fields the server requires although their schema does not say so.
 */
import { ECRANS_TYPES, type SectionEcran } from '../../admin-config/libelles';
import { ATTRIBUT_ETAT_REVUE } from '../../admin-config/mots-valeurs';
import { decouperEnSections, ecranDuFormulaire, type ChampDeMiseEnPage, type MisesEnPageComposants } from '../../admin-config/sections';
import { RELATIONS_REQUISES } from '../../domaine/regles-metier';

/** The review state, added to the reviewed types' screens by src/bootstrap/ecrans-admin.ts. */
const SECTION_REVUE: SectionEcran = { titre: 'Revue', lignes: [[{ champ: ATTRIBUT_ETAT_REVUE, taille: 6 }]] };

/** Shown only when it applies (schema `conditions`), so required whenever it is shown. */
const REQUIS_QUAND_AFFICHES: Record<string, readonly string[]> = { 'api::projet.projet': ['motifAbandon'] };

interface Arguments {
  layout: { layout: ChampDeMiseEnPage[][][]; components?: MisesEnPageComposants; [cle: string]: unknown };
  query?: unknown;
}

export function miseEnPageEnSections(arguments_: Arguments): Arguments {
  // « Configurer la vue » edits the stored layout from this one: it must keep the fields only.
  if (window.location.pathname.includes('/configurations/')) return arguments_;
  const panneaux = arguments_.layout.layout;
  const uid = ecranDuFormulaire(panneaux.flat(2).map((champ) => champ.name), ECRANS_TYPES, [ATTRIBUT_ETAT_REVUE]);
  if (!uid) return arguments_;
  const requis = new Set([...(RELATIONS_REQUISES[uid] ?? []), ...(REQUIS_QUAND_AFFICHES[uid] ?? [])]);
  const marques = panneaux.map((panneau) =>
    panneau.map((ligne) => ligne.map((champ) => (requis.has(champ.name) ? { ...champ, required: true } : champ))),
  );
  const sections = [...(ECRANS_TYPES[uid].sections ?? []), SECTION_REVUE];
  return { ...arguments_, layout: { ...arguments_.layout, layout: decouperEnSections(marques, sections, arguments_.layout.components) } };
}
