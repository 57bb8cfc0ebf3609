import { traductionsAdmin, traductionsAdminHorsCatalogue, traductionsTypesStrapi } from './admin';
import { traductionsGestionContenu, traductionsGestionContenuHorsCatalogue } from './content-manager';
import { traductionsI18n } from './i18n';
import { traductionsMediatheque, traductionsMediathequeHorsCatalogue } from './upload';

/**
 * French catalogue laid over Strapi's fr.json: what it lacks, leaves in English or spells wrong
 * (`traductions`, keys of Strapi's English catalogue), and ids its code uses with only an English
 * default message (`horsCatalogue`). Each plugin's keys get the prefix its registerTrads adds.
 */
export const CATALOGUES_FR = {
  admin: { prefixe: '', traductions: traductionsAdmin, horsCatalogue: traductionsAdminHorsCatalogue },
  'content-manager': {
    prefixe: 'content-manager.',
    traductions: traductionsGestionContenu,
    horsCatalogue: traductionsGestionContenuHorsCatalogue,
  },
  upload: { prefixe: 'upload.', traductions: traductionsMediatheque, horsCatalogue: traductionsMediathequeHorsCatalogue },
  i18n: { prefixe: 'i18n.', traductions: traductionsI18n, horsCatalogue: {} },
} as const;

function prefixer(prefixe: string, traductions: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(traductions).map(([cle, texte]) => [prefixe + cle, texte]));
}

/** Final ids, as `config.translations.fr` expects them. */
export const traductionsStrapiFr: Record<string, string> = Object.assign(
  {},
  traductionsTypesStrapi,
  ...Object.values(CATALOGUES_FR).flatMap(({ prefixe, traductions, horsCatalogue }) => [
    prefixer(prefixe, traductions),
    prefixer(prefixe, horsCatalogue),
  ]),
);
