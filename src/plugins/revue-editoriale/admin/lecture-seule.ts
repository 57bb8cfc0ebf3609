/**
 * What the content-manager offers no API for, done on the DOM of the edit view, from the review panel
 * (which renders inside the edit view's form). Both are undone when the panel unmounts.
 *
 * - Read-only form: Strapi's Form takes `disabled` from EditViewPage only (published tab), the layout hook
 *   (mutate-edit-view-layout) runs once per layout without the document nor the user's role, and the
 *   RBAC context cannot be overridden from a panel. The fields column gets the standard `inert`
 *   attribute: nothing in it can be focused, typed into, clicked or pasted into, whatever the input.
 * - One state: Strapi's « Brouillon / Publié / Modifié » badge under the title is hidden; the review
 *   panel shows the review state instead. The header's badge is the form's first `role="status"`
 *   before the tabs (Header.tsx, DocumentStatus).
 */
const ATTRIBUT_LECTURE_SEULE = 'data-revue-lecture-seule';

/** The column of fields: parent of the draft / published tab panels. */
function colonneDesChamps(formulaire: HTMLFormElement): HTMLElement | null {
  return formulaire.querySelector<HTMLElement>('[role="tabpanel"]')?.parentElement ?? null;
}

export function rendreLectureSeule(formulaire: HTMLFormElement): () => void {
  const colonne = colonneDesChamps(formulaire);
  if (!colonne) return () => undefined;
  colonne.setAttribute('inert', '');
  colonne.setAttribute(ATTRIBUT_LECTURE_SEULE, '');
  colonne.style.opacity = '0.75';
  return () => {
    colonne.removeAttribute('inert');
    colonne.removeAttribute(ATTRIBUT_LECTURE_SEULE);
    colonne.style.opacity = '';
  };
}

export function masquerStatutStrapi(formulaire: HTMLFormElement): () => void {
  const onglets = formulaire.querySelector('[role="tablist"]');
  const statut = formulaire.querySelector('[role="status"]');
  const badge = statut?.parentElement;
  if (!onglets || !statut || !badge || !(statut.compareDocumentPosition(onglets) & Node.DOCUMENT_POSITION_FOLLOWING)) return () => undefined;
  badge.hidden = true;
  return () => {
    badge.hidden = false;
  };
}
