/** Reading a document's versions as snapshots and comparing them (Strapi glue of differences.ts). */
import type { Core, UID } from '@strapi/strapi';
import { champsObligatoiresVides } from './completude';
import { comparer, instantane, soumissionDeReference, type Attribut, type Changement, type Instantane, type Schemas, type Soumission } from './differences';
import { lireVersion, type LectureFeuille } from './lecture';
import type { Etat } from './machine';
import { reglesDe } from './regles';

export function schemasStrapi(strapi: Core.Strapi): Schemas {
  const { libelleChamp, libelleValeur, manquantsPourPublier } = reglesDe(strapi);
  return {
    attributs: (modele) => (strapi.getModel(modele as UID.Schema)?.attributes ?? {}) as Record<string, Attribut>,
    libelle: libelleChamp,
    libelleValeur,
    manquantsPourPublier,
  };
}

/** A snapshot reads relations and media whole (by their titles), Strapi's own bookkeeping relations aside. */
const LECTURE_INSTANTANE: LectureFeuille = (nom, attribut) =>
  (attribut.type === 'relation' && !['createdBy', 'updatedBy', 'localizations'].includes(nom)) || attribut.type === 'media' ? true : undefined;

/** The draft or the published version of a document, as a snapshot; null when there is none. */
export async function lireInstantane(strapi: Core.Strapi, uid: string, documentId: string, version: 'brouillon' | 'publiee'): Promise<Instantane | null> {
  const ligne = await lireVersion(strapi, uid, documentId, version, LECTURE_INSTANTANE);
  return ligne ? instantane(schemasStrapi(strapi), uid, ligne) : null;
}

/** The draft, read once: its snapshot and the labels of the required fields it leaves empty (completude.ts). */
export async function lireBrouillon(strapi: Core.Strapi, uid: string, documentId: string): Promise<{ instantane: Instantane; manquants: string[] } | null> {
  const ligne = await lireVersion(strapi, uid, documentId, 'brouillon', LECTURE_INSTANTANE);
  if (!ligne) return null;
  const schemas = schemasStrapi(strapi);
  return { instantane: instantane(schemas, uid, ligne), manquants: champsObligatoiresVides(schemas, uid, ligne) };
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
