/**
 * Edit-view « side panel » that shows nothing: the headers of repeatable component entries read in
 * French words instead of the main field's code (see admin-config/entetes-composants.ts). Strapi
 * renders that header from the form value with no hook, so the text of the accordion triggers (buttons with aria-expanded) is
 * swapped as the form renders it; the stored value is untouched.
 */
import { useEffect } from 'react';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { motsDesEntetes } from '../../admin-config/entetes-composants';

const MOTS = motsDesEntetes();

function traduire(racine: ParentNode): void {
  for (const bouton of racine.querySelectorAll('form button[aria-expanded]')) {
    const marcheur = document.createTreeWalker(bouton, NodeFilter.SHOW_TEXT);
    for (let noeud = marcheur.nextNode(); noeud; noeud = marcheur.nextNode()) {
      const mots = MOTS.get(noeud.nodeValue ?? '');
      if (mots) noeud.nodeValue = mots;
    }
  }
}

export const EntetesComposants: PanelComponent = () => {
  useEffect(() => {
    traduire(document);
    const observateur = new MutationObserver(() => traduire(document));
    observateur.observe(document.body, { subtree: true, childList: true, characterData: true });
    return () => observateur.disconnect();
  }, []);
  return null;
};
