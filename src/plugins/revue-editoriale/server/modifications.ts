/**
 * Does a write change the stored draft, and which fields? One answer for the review (saving an unchanged
 * form, or a second « Publier » click, must not send a published document back to review) and for the
 * importer (a row read again reports « inchangé »). Pure.
 *
 * Values are compared in a normal form: '' and null are both « empty »; numbers sent as text and dates
 * compare by value; relations by the references they will hold, in any input form Strapi accepts and in any
 * order; components without the keys the admin form adds or Strapi stores, and a single component on the
 * sub-fields the write sets.
 */
import { memeRef, resoudreRelation, type Ref } from './relations';

const CHAMPS_TECHNIQUES = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'etatRevue']);
const CLES_TECHNIQUES_COMPOSANT = new Set(['id', '__temp_key__', '__component']);
const TYPES_NOMBRE = new Set(['integer', 'biginteger', 'float', 'decimal']);

type Attributs = Record<string, { type: string; repeatable?: boolean; writable?: boolean }>;

function refs(valeur: unknown): Ref[] {
  if (!valeur) return [];
  return (Array.isArray(valeur) ? valeur : [valeur]).map((v) => {
    const { id, documentId } = v as { id?: number; documentId?: string };
    return { id, documentId };
  });
}

/** Same references, duplicates aside (Strapi stores a relation once). */
function memesRefs(a: Ref[], b: Ref[]): boolean {
  return a.every((r) => b.some((s) => memeRef(r, s))) && b.every((s) => a.some((r) => memeRef(r, s)));
}

function nombre(valeur: unknown): unknown {
  return typeof valeur === 'string' && valeur.trim() !== '' && !Number.isNaN(Number(valeur)) ? Number(valeur) : valeur;
}

/**
 * Normal form of a stored or written value: empty as null, dates as ISO text, related entries as their
 * documentId (lists of them sorted, once each), objects without technical keys and with sorted keys;
 * numbers sent as text as numbers when `nombres` (inside components, whose attributes are not given).
 */
function formeNormale(valeur: unknown, nombres = true): unknown {
  if (valeur === undefined || valeur === null || valeur === '') return null;
  if (valeur instanceof Date) return valeur.toISOString();
  if (Array.isArray(valeur)) {
    const elements = valeur.map((v) => formeNormale(v));
    return elements.every((e) => typeof e === 'string') ? [...new Set(elements as string[])].sort() : elements;
  }
  if (typeof valeur === 'object') {
    const objet = valeur as Record<string, unknown>;
    if (typeof objet.documentId === 'string') return objet.documentId;
    return Object.fromEntries(
      Object.entries(objet)
        .filter(([cle]) => !CLES_TECHNIQUES_COMPOSANT.has(cle))
        .map(([cle, v]): [string, unknown] => [cle, formeNormale(v)])
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  }
  return nombres ? nombre(valeur) : valeur;
}

function champModifie(attribut: Attributs[string], voulu: unknown, stocke: unknown): boolean {
  switch (attribut.type) {
    case 'relation':
    case 'media': {
      const actuels = refs(stocke);
      return !memesRefs(resoudreRelation(voulu, actuels), actuels);
    }
    case 'component': {
      const normalVoulu = formeNormale(voulu);
      let normalStocke = formeNormale(stocke);
      if (!attribut.repeatable && normalVoulu && normalStocke && typeof normalVoulu === 'object' && typeof normalStocke === 'object') {
        // A single component: only the sub-fields the write sets.
        normalStocke = Object.fromEntries(Object.keys(normalVoulu).map((cle) => [cle, (normalStocke as Record<string, unknown>)[cle] ?? null]));
      }
      return JSON.stringify(normalVoulu) !== JSON.stringify(normalStocke);
    }
    default: {
      const nombres = TYPES_NOMBRE.has(attribut.type);
      return JSON.stringify(formeNormale(voulu, nombres)) !== JSON.stringify(formeNormale(stocke, nombres));
    }
  }
}

/**
 * The fields of `data` whose value differs from the stored draft's (`stocke`), in the order of `data`.
 * Attributes the schema says are not writable (`writable: false`: values the application computes, which
 * an old form may send back) are no modification.
 */
export function champsModifies(attributs: Attributs, data: Record<string, unknown>, stocke: Record<string, unknown>): string[] {
  return Object.keys(data).filter((nom) => {
    const attribut = attributs[nom];
    return attribut !== undefined && attribut.writable !== false && !CHAMPS_TECHNIQUES.has(nom) && champModifie(attribut, data[nom], stocke[nom]);
  });
}

export function modifieLeDocument(attributs: Attributs, data: Record<string, unknown>, stocke: Record<string, unknown>): boolean {
  return champsModifies(attributs, data, stocke).length > 0;
}
