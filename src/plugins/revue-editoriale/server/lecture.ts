/**
 * Reading stored documents whatever their content type, and the plugin's options (Strapi glue without
 * side effects at load: part of the public entry).
 */
import type { Core, UID } from '@strapi/strapi';
import { PLUGIN } from './constantes';

/** What a populate needs to know of an attribute. */
export interface AttributLu {
  type: string;
  component?: string;
  [cle: string]: unknown;
}

/** How a populate reads one relation or media attribute; undefined leaves it out. */
export type LectureFeuille = (nom: string, attribut: AttributLu) => unknown;

/** Relations and media by their ids only: what a comparison of references needs. */
const PAR_IDENTIFIANTS: LectureFeuille = (_nom, attribut) =>
  attribut.type === 'relation' ? { select: ['id', 'documentId'] } : attribut.type === 'media' ? { select: ['id'] } : undefined;

function attributsDe(strapi: Core.Strapi, uid: string): Record<string, AttributLu> {
  return strapi.getModel(uid as UID.Schema).attributes as unknown as Record<string, AttributLu>;
}

/** Populate of every component (nested), relation and media of `uid`, to read a stored document as a whole. */
export function populateComplet(strapi: Core.Strapi, uid: string, feuille: LectureFeuille = PAR_IDENTIFIANTS): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [nom, attribut] of Object.entries(attributsDe(strapi, uid))) {
    if (attribut.type === 'component') {
      const sous = populateComplet(strapi, attribut.component as string, feuille);
      populate[nom] = Object.keys(sous).length > 0 ? { populate: sous } : true;
    } else {
      const lecture = feuille(nom, attribut);
      if (lecture !== undefined) populate[nom] = lecture;
    }
  }
  return populate;
}

/** The draft or the published version of a document, read whole; null when there is none. */
export async function lireVersion(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  version: 'brouillon' | 'publiee',
  feuille: LectureFeuille = PAR_IDENTIFIANTS,
): Promise<Record<string, unknown> | null> {
  return (await strapi.db.query(uid as UID.Schema).findOne({
    where: { documentId, publishedAt: version === 'brouillon' ? null : { $notNull: true } },
    populate: populateComplet(strapi, uid, feuille),
  })) as Record<string, unknown> | null;
}

/** Has the document a published version now? (Its past is the history's: historique.ts.) */
export async function aUneVersionPubliee(strapi: Core.Strapi, uid: string, documentId: string): Promise<boolean> {
  return (await strapi.db.query(uid as UID.Schema).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
}

/** The content types under review: none when the plugin is disabled (Strapi's own publication then applies). */
export function typesSuivis(strapi: Core.Strapi): ReadonlySet<string> {
  return new Set((strapi.plugin(PLUGIN)?.config('types') as string[] | undefined) ?? []);
}
