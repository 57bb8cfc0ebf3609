/**
 * Edit-view « side panel » that shows nothing: on a new document, the uid field (slug) follows its
 * target field (title) as the agent types, so the slug is seen — and its availability checked by
 * Strapi's uid input — before saving. Strapi calls a panel's function inside the form: hooks work.
 */
import { useEffect, useRef } from 'react';
import { unstable_useContentManagerContext as useContentManagerContext, useForm } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { slugAProposer } from '../../admin-config/slug-en-direct';

type Attributs = Record<string, { type: string; targetField?: string }>;

export const SlugEnDirect: PanelComponent = () => {
  // `isCreatingEntry` is never true in 5.54 (useDoc turns the « create » id into undefined): no id is a creation.
  const { id, contentType } = useContentManagerContext();
  const creation = id === undefined;
  const attributs = (contentType?.attributes ?? {}) as Attributs;
  const [champ, attribut] = Object.entries(attributs).find(([, a]) => a.type === 'uid' && a.targetField) ?? [];
  const cible = attribut?.targetField;
  const titre = useForm('SlugEnDirect', (etat) => (cible ? (etat.values as Record<string, unknown>)[cible] : undefined));
  const slug = useForm('SlugEnDirect', (etat) => (champ ? (etat.values as Record<string, unknown>)[champ] : undefined));
  const onChange = useForm('SlugEnDirect', (etat) => etat.onChange);
  const dernierPropose = useRef<string | null>(null);

  useEffect(() => {
    if (!creation || !champ) return;
    const propose = slugAProposer(titre, slug, dernierPropose.current);
    if (propose === null) return;
    dernierPropose.current = propose;
    onChange(champ, propose);
  }, [creation, champ, titre, slug, onChange]);
  return null;
};
