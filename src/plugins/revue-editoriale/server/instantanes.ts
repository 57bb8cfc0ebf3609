/** Reading a document's versions as snapshots and comparing them (Strapi glue of differences.ts). */
import type { Core, UID } from '@strapi/strapi';
import { ECRANS_COMPOSANTS, ECRANS_TYPES } from '../../../admin-config/libelles';
import { champsObligatoiresVides } from './completude';
import { comparer, instantane, soumissionDeReference, type Attribut, type Changement, type Instantane, type Schemas, type Soumission } from './differences';
import type { Etat } from './machine';

export function schemasStrapi(strapi: Core.Strapi): Schemas {
  return {
    attributs: (modele) => (strapi.getModel(modele as UID.Schema)?.attributes ?? {}) as Record<string, Attribut>,
    libelle: (modele, champ) => (ECRANS_TYPES[modele] ?? ECRANS_COMPOSANTS[modele])?.libelles[champ]?.label ?? champ,
  };
}

/** Populate of every component (nested), relation and media, the way a snapshot reads them. */
function populateComplet(schemas: Schemas, modele: string): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [nom, attribut] of Object.entries(schemas.attributs(modele))) {
    if (attribut.type === 'component') {
      const sous = populateComplet(schemas, attribut.component as string);
      populate[nom] = Object.keys(sous).length > 0 ? { populate: sous } : true;
    } else if ((attribut.type === 'relation' && !['createdBy', 'updatedBy', 'localizations'].includes(nom)) || attribut.type === 'media') {
      populate[nom] = true;
    }
  }
  return populate;
}

/** The draft or the published version of a document, as a snapshot; null when there is none. */
export async function lireInstantane(strapi: Core.Strapi, uid: string, documentId: string, version: 'brouillon' | 'publiee'): Promise<Instantane | null> {
  const schemas = schemasStrapi(strapi);
  const ligne = (await strapi.db.query(uid as UID.Schema).findOne({
    where: { documentId, publishedAt: version === 'brouillon' ? null : { $notNull: true } },
    populate: populateComplet(schemas, uid),
  })) as Record<string, unknown> | null;
  return ligne ? instantane(schemas, uid, ligne) : null;
}

/** Labels of the required fields the draft leaves empty (see completude.ts). */
export async function champsManquants(strapi: Core.Strapi, uid: string, documentId: string): Promise<string[]> {
  const schemas = schemasStrapi(strapi);
  const ligne = (await strapi.db.query(uid as UID.Schema).findOne({ where: { documentId, publishedAt: null }, populate: populateComplet(schemas, uid) })) as Record<string, unknown> | null;
  return ligne ? champsObligatoiresVides(schemas, uid, ligne) : [];
}

export interface Differences {
  /** Since the submission the reader last saw (date of that submission). */
  depuisSoumission: { date: string; changements: Changement[] } | null;
  /** Since the version the public reads, when there is one. */
  depuisPublication: Changement[] | null;
}

export async function differences(strapi: Core.Strapi, uid: string, documentId: string, etat: Etat, soumissions: Soumission[]): Promise<Differences> {
  const schemas = schemasStrapi(strapi);
  const brouillon = await lireInstantane(strapi, uid, documentId, 'brouillon');
  const publiee = await lireInstantane(strapi, uid, documentId, 'publiee');
  const reference = soumissionDeReference(etat, soumissions);
  if (!brouillon) return { depuisSoumission: null, depuisPublication: null };
  return {
    depuisSoumission: reference ? { date: reference.date, changements: comparer(schemas, uid, reference.instantane, brouillon) } : null,
    depuisPublication: publiee ? comparer(schemas, uid, publiee, brouillon) : null,
  };
}
