/**
 * List view of the content-manager: enumeration cells and filter options in French words
 * (hooks 'Admin/CM/pages/ListView/inject-column-in-table' and '…/inject-in-filters').
 */
import { Typography } from '@strapi/design-system';
import { filtreEnFrancais, motsDesValeurs, type FiltreListe } from '../../admin-config/mots-valeurs';

interface Entete {
  name: string;
  attribute?: { type: string; enum?: string[] };
  cellFormatter?: unknown;
  [cle: string]: unknown;
}

/** Each enumeration column shows the words of its value (the cell keeps Strapi's look). */
export function colonnesEnFrancais<T extends { displayedHeaders: Entete[] }>(arguments_: T): T {
  return {
    ...arguments_,
    displayedHeaders: arguments_.displayedHeaders.map((entete) => {
      if (entete.attribute?.type !== 'enumeration' || entete.cellFormatter) return entete;
      const valeurs = entete.attribute.enum ?? [];
      return {
        ...entete,
        cellFormatter: (ligne: Record<string, unknown>, _entete: unknown, { model }: { model: string }) => {
          const valeur = ligne[entete.name];
          if (typeof valeur !== 'string') return <Typography textColor="neutral800">-</Typography>;
          return <Typography textColor="neutral800">{motsDesValeurs(entete.name, valeurs, model)[valeur]}</Typography>;
        },
      };
    }),
  };
}

/** The options of the enumeration filters, labelled in French. */
export function filtresEnFrancais<T extends { displayedFilters: FiltreListe[] }>(arguments_: T): T {
  return { ...arguments_, displayedFilters: arguments_.displayedFilters.map(filtreEnFrancais) };
}
