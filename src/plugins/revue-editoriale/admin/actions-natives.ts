/**
 * Strapi's own document actions, adapted to the review (issue 11, items 1 and 9).
 *
 * - Publish, Unpublish, Discard (edit view, list rows, bulk) are hidden for reviewed types: publication
 *   goes through the review's « Publier » only, so the modérateur sees one button and the contributeur
 *   no disabled one. The native description is still called (then dropped) so that each wrapper calls
 *   the same hooks on every render, whatever the model it is given.
 * - « Enregistrer » stays Strapi's own; its save function is shared with the review panel, so that a
 *   transition saves unsaved edits with exactly the same validation and data handling (conditional
 *   fields, relations) before acting, rather than a copy of Strapi's internal helpers.
 */
import { useEffect, useRef } from 'react';
import type { BulkActionComponent, DocumentActionComponent } from '@strapi/content-manager/strapi-admin';

const NATIVES_MASQUEES = new Set<string | undefined>(['publish', 'unpublish', 'discard']);

type Enregistrer = () => Promise<unknown>;
const enregistreurs = new Map<string, Enregistrer>();
const cle = (model: string, documentId: string) => `${model}:${documentId}`;

/** Strapi's « Enregistrer » of the document open in the edit view, if it is mounted. */
export function enregistreurDe(model: string, documentId: string): Enregistrer | undefined {
  return enregistreurs.get(cle(model, documentId));
}

/**
 * The wrapper keeps the native's type, position and name: the list view leaves out the description
 * named « PublishAction » from its row actions (TableActions), to avoid its requests on every row.
 */
function commeNative<T extends DocumentActionComponent | BulkActionComponent>(Enveloppe: T, Native: T): T {
  Object.defineProperty(Enveloppe, 'name', { value: Native.name });
  Enveloppe.type = Native.type as never;
  if ('position' in Native) (Enveloppe as DocumentActionComponent).position = (Native as DocumentActionComponent).position;
  return Enveloppe;
}

/** Content types under review (plugin option `types`), given by the application at installation. */
type TypesRevus = ReadonlySet<string>;

function masquerSiRevu(Native: DocumentActionComponent, revus: TypesRevus): DocumentActionComponent {
  const Enveloppe: DocumentActionComponent = (props) => {
    const description = Native(props);
    return revus.has(props.model) ? null : description;
  };
  return commeNative(Enveloppe, Native);
}

function partagerEnregistrement(Native: DocumentActionComponent): DocumentActionComponent {
  const Enveloppe: DocumentActionComponent = (props) => {
    const description = Native(props);
    const onClick = useRef(description?.onClick);
    onClick.current = description?.onClick;
    const { model, documentId } = props;
    useEffect(() => {
      if (!documentId) return undefined;
      // handleUpdate reads the form, not the click event.
      const enregistrer: Enregistrer = async () => onClick.current?.(undefined as never);
      enregistreurs.set(cle(model, documentId), enregistrer);
      return () => {
        if (enregistreurs.get(cle(model, documentId)) === enregistrer) enregistreurs.delete(cle(model, documentId));
      };
    }, [model, documentId]);
    return description;
  };
  return commeNative(Enveloppe, Native);
}

export function adapterActionsDocument(revus: TypesRevus) {
  return (actions: DocumentActionComponent[]): DocumentActionComponent[] =>
    actions.map((action) => {
      if (action.type === 'update') return partagerEnregistrement(action);
      if (NATIVES_MASQUEES.has(action.type)) return masquerSiRevu(action, revus);
      return action;
    });
}

export function adapterActionsGroupees(revus: TypesRevus) {
  return (actions: BulkActionComponent[]): BulkActionComponent[] =>
    actions.map((Native) => {
      if (Native.type !== 'publish' && Native.type !== 'unpublish') return Native;
      const Enveloppe: BulkActionComponent = (props) => {
        const description = Native(props);
        return revus.has(props.model) ? null : description;
      };
      return commeNative(Enveloppe, Native);
    });
}
