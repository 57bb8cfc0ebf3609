/** Hook 'Admin/CM/pages/EditView/mutate-edit-view-layout': see miseEnPageDuFormulaire. */
import { miseEnPageDuFormulaire, type ChampDeMiseEnPage, type MisesEnPageComposants } from '../../admin-config/sections';

interface Arguments {
  layout: { layout: ChampDeMiseEnPage[][][]; components?: MisesEnPageComposants; [cle: string]: unknown };
  query?: unknown;
}

export function miseEnPageEnSections(arguments_: Arguments): Arguments {
  // « Configurer la vue » edits the stored layout from this one: it must keep the fields only.
  if (window.location.pathname.includes('/configurations/')) return arguments_;
  const { layout } = arguments_;
  return { ...arguments_, layout: { ...layout, layout: miseEnPageDuFormulaire(layout.layout, layout.components) } };
}
