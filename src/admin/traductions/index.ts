import { traductionsAdmin } from './admin';
import { traductionsGestionContenu } from './content-manager';
import { traductionsI18n } from './i18n';
import { traductionsMediatheque } from './upload';

/**
 * French catalogue laid over Strapi's fr.json: what it lacks, leaves in English or spells wrong.
 * Each plugin's keys get the prefix its registerTrads adds (`<plugin>.`), the admin's keys have none.
 */
export const CATALOGUES_FR = {
  admin: { prefixe: '', traductions: traductionsAdmin },
  'content-manager': { prefixe: 'content-manager.', traductions: traductionsGestionContenu },
  upload: { prefixe: 'upload.', traductions: traductionsMediatheque },
  i18n: { prefixe: 'i18n.', traductions: traductionsI18n },
} as const;

function prefixer(prefixe: string, traductions: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(traductions).map(([cle, texte]) => [prefixe + cle, texte]));
}

/** Final ids, as `config.translations.fr` expects them. */
export const traductionsStrapiFr: Record<string, string> = Object.assign(
  {},
  ...Object.values(CATALOGUES_FR).map(({ prefixe, traductions }) => prefixer(prefixe, traductions)),
);
