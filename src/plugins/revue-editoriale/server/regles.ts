/**
 * What the application tells the plugin about its content (plugin option `regles`, config/plugins.ts).
 * Each rule has a neutral default: without them the plugin shows field names and codes, and checks
 * only the schema's required fields before a submission.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN } from './constantes';

/** A publication requirement left unmet: the field, and what to add to its label (« › SIREN », « (quand…) »). */
export interface Manquant {
  champ: string;
  complement?: string;
}

export interface ReglesRevue {
  /** Label of a field of a content type or component, as the edit view shows it. */
  libelleChamp(modele: string, champ: string): string;
  /** Words of an enumeration value. */
  libelleValeur(modele: string, champ: string, valeur: string): string;
  /** What publication requires beyond the schema and a stored draft (relations populated) lacks. */
  manquantsPourPublier(modele: string, ligne: Record<string, unknown>): Manquant[];
}

export const REGLES_NEUTRES: ReglesRevue = {
  libelleChamp: (_modele, champ) => champ,
  libelleValeur: (_modele, _champ, valeur) => valeur,
  manquantsPourPublier: () => [],
};

export function reglesDe(strapi: Core.Strapi): ReglesRevue {
  return { ...REGLES_NEUTRES, ...(strapi.plugin(PLUGIN).config('regles') as Partial<ReglesRevue> | undefined) };
}
