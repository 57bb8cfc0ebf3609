/**
 * Public entry of the plugin's admin side: the review in the content-manager (its side panel, right under
 * Strapi's, and Strapi's actions adapted) and what the application's pages show of it.
 */
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { adapterActionsDocument, adapterActionsGroupees } from './actions-natives';
import { PanneauRevue } from './PanneauRevue';

export { BadgeEtat } from './badge-etat';
export type { DocumentDeLAgent, TableauDeBord } from '../server/tableau-de-bord';

/**
 * `types`: the content types under review, the plugin's option `types` on the server. The admin panel
 * needs them before any request, to hide Strapi's own publication buttons for these types.
 */
export function installerRevue(contentManager: ContentManagerPlugin['config']['apis'], types: readonly string[]): void {
  const revus: ReadonlySet<string> = new Set(types);
  contentManager.addEditViewSidePanel((panneaux) => {
    const apres = panneaux.findIndex((panneau) => panneau.type === 'actions') + 1;
    return [...panneaux.slice(0, apres), PanneauRevue, ...panneaux.slice(apres)];
  });
  contentManager.addDocumentAction(adapterActionsDocument(revus));
  contentManager.addBulkAction(adapterActionsGroupees(revus));
}
