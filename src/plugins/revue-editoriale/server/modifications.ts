/**
 * Does a write change the stored draft? Saving an unchanged form, or a second « Publier » click,
 * must not send a published document back to review. Pure.
 */
import { isDeepStrictEqual } from 'util';
import { resoudreRelation, memeRef, type Ref } from '../../../domaine/relations';

const CHAMPS_TECHNIQUES = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'etatRevue']);
const CLES_TECHNIQUES_COMPOSANT = new Set(['id', '__temp_key__', '__component']);

type Attributs = Record<string, { type: string; [cle: string]: unknown }>;

function refs(valeur: unknown): Ref[] {
  if (!valeur) return [];
  return (Array.isArray(valeur) ? valeur : [valeur]).map((v) => {
    const { id, documentId } = v as { id?: number; documentId?: string };
    return { id, documentId };
  });
}

function memesRefs(a: Ref[], b: Ref[]): boolean {
  return a.length === b.length && a.every((r) => b.some((s) => memeRef(r, s)));
}

/** Component data without the keys the admin form adds or Strapi stores. */
function sansTechnique(valeur: unknown): unknown {
  if (Array.isArray(valeur)) return valeur.map(sansTechnique);
  if (valeur && typeof valeur === 'object' && !(valeur instanceof Date)) {
    return Object.fromEntries(
      Object.entries(valeur as Record<string, unknown>)
        .filter(([cle]) => !CLES_TECHNIQUES_COMPOSANT.has(cle))
        .map(([cle, v]) => [cle, sansTechnique(v)]),
    );
  }
  return scalaire(valeur);
}

/** '' and null are both « empty »; numbers sent as text and dates compare by value. */
function scalaire(valeur: unknown): unknown {
  if (valeur === undefined || valeur === null || valeur === '') return null;
  if (valeur instanceof Date) return valeur.toISOString();
  if (typeof valeur === 'string' && valeur.trim() !== '' && !Number.isNaN(Number(valeur))) return Number(valeur);
  return valeur;
}

export function modifieLeDocument(attributs: Attributs, data: Record<string, unknown>, stocke: Record<string, unknown>): boolean {
  return Object.entries(data).some(([nom, valeur]) => {
    const attribut = attributs[nom];
    if (!attribut || CHAMPS_TECHNIQUES.has(nom)) return false;
    if (attribut.type === 'relation' || attribut.type === 'media') {
      const actuels = refs(stocke[nom]);
      return !memesRefs(resoudreRelation(valeur, actuels), actuels);
    }
    if (attribut.type === 'component' || attribut.type === 'dynamiczone' || attribut.type === 'json') {
      return !isDeepStrictEqual(sansTechnique(valeur), sansTechnique(stocke[nom]));
    }
    return scalaire(valeur) !== scalaire(stocke[nom]);
  });
}
