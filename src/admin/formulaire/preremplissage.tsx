/**
 * Edit-view « side panel » that shows nothing: on a new document with a collectivité field, it fills
 * in the collectivité of an agent who belongs to exactly one (the server sets it on save anyway; the
 * agent sees it now). Strapi calls a panel's function while rendering, inside the form: hooks work.
 */
import { useEffect } from 'react';
import { unstable_useContentManagerContext as useContentManagerContext, useFetchClient, useForm } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import type { TableauDeBord } from '../../plugins/revue-editoriale/admin';

const CHAMP = 'collectivite';
const UID_COLLECTIVITE = 'api::collectivite.collectivite';

type Collectivite = TableauDeBord['collectivites'][number];

/** A relation as the content-manager's relation input puts it in `connect` when the agent picks it. */
export function relationAConnecter(c: Collectivite) {
  return {
    connect: [
      {
        id: c.id,
        documentId: c.documentId,
        nom: c.nom,
        label: c.nom,
        apiData: { id: c.id, documentId: c.documentId, isTemporary: true },
        __temp_key__: 'a0',
        href: `../collection-types/${UID_COLLECTIVITE}/${c.documentId}`,
      },
    ],
    disconnect: [],
  };
}

export const PreremplissageCollectivite: PanelComponent = () => {
  const { get } = useFetchClient();
  // `isCreatingEntry` is never true in 5.54 (useDoc turns the « create » id into undefined): no id is a creation.
  const { id, contentType } = useContentManagerContext();
  const creation = id === undefined;
  const valeurs = useForm('PreremplissageCollectivite', (etat) => etat.values) as Record<string, { connect?: unknown[] } | undefined>;
  const onChange = useForm('PreremplissageCollectivite', (etat) => etat.onChange);
  const attributs = contentType?.attributes;
  const aPreremplir = creation && attributs !== undefined && CHAMP in attributs && !valeurs[CHAMP]?.connect?.length;

  useEffect(() => {
    if (!aPreremplir) return;
    let annule = false;
    get<{ data: TableauDeBord }>('/revue-editoriale/tableau-de-bord')
      .then(({ data }) => {
        if (!annule && data.data.collectivites.length === 1) onChange(CHAMP, relationAConnecter(data.data.collectivites[0]));
      })
      .catch(() => undefined); // no prefill: the agent picks it, the server checks it
    return () => {
      annule = true;
    };
    // Once per new document: the agent may then empty or change the field freely.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [creation, attributs !== undefined]);
  return null;
};
