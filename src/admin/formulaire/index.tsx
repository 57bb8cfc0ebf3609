/**
 * The agent's edit form, list and home page (see each module): installed by src/admin/app.tsx.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { TYPE_INTERTITRE } from '../../admin-config/sections';
import { EnumerationFrancaise, Intertitre } from './champs';
import { colonnesEnFrancais, filtresEnFrancais } from './liste';
import { miseEnPageEnSections } from './mise-en-page';
import { PreremplissageCollectivite } from './preremplissage';
import { SlugEnDirect } from './slug';
import { EntetesComposants } from './entetes';
import { PanneauQualite } from './qualite';

import { TRADUCTIONS_ACCUEIL } from './accueil';
import { traductionsDesValeurs } from '../../admin-config/mots-valeurs';

export { eteindreAnnoncesStrapi, enregistrerWidgetsAccueil } from './accueil';

/** French messages of the form, list and home page, merged into the admin's `config.translations.fr`. */
export const TRADUCTIONS_FORMULAIRE: Record<string, string> = { ...traductionsDesValeurs(), ...TRADUCTIONS_ACCUEIL };

export function installerFormulaire(app: StrapiApp): void {
  // The content-manager hands these inputs the props of its own (name, label, attribute…).
  app.addFields({ type: 'enumeration', Component: EnumerationFrancaise as React.ComponentType });
  app.addFields({ type: TYPE_INTERTITRE, Component: Intertitre as React.ComponentType });
  app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', miseEnPageEnSections);
  app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', colonnesEnFrancais);
  app.registerHook('Admin/CM/pages/ListView/inject-in-filters', filtresEnFrancais);
  const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
  contentManager.addEditViewSidePanel([PreremplissageCollectivite, SlugEnDirect, EntetesComposants, PanneauQualite]);
}
