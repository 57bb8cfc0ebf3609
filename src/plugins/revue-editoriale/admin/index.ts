/** The review in the content-manager: its side panel, right under Strapi's, and Strapi's actions adapted. */
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { adapterActionsDocument, adapterActionsGroupees } from './actions-natives';
import { PanneauRevue } from './PanneauRevue';

export function installerRevue(contentManager: ContentManagerPlugin['config']['apis']): void {
  contentManager.addEditViewSidePanel((panneaux) => {
    const apres = panneaux.findIndex((panneau) => panneau.type === 'actions') + 1;
    return [...panneaux.slice(0, apres), PanneauRevue, ...panneaux.slice(apres)];
  });
  contentManager.addDocumentAction(adapterActionsDocument);
  contentManager.addBulkAction(adapterActionsGroupees);
}
