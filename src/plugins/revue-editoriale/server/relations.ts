/**
 * What a relation will hold after a write, from the forms Strapi 5 accepts for relation input:
 * 'docId', 12, ['a', 'b'], { documentId }, { id }, { set: [...] }, { connect: [...], disconnect: [...] }.
 * Pure: `actuels` is what the relation holds before the write.
 */
export interface Ref {
  documentId?: string;
  id?: number;
}

function versRef(element: unknown): Ref | null {
  if (typeof element === 'string') return element.trim() === '' ? null : { documentId: element };
  if (typeof element === 'number') return { id: element };
  if (element && typeof element === 'object') {
    const { documentId, id } = element as Record<string, unknown>;
    if (typeof documentId === 'string') return { documentId };
    if (typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id))) return { id: Number(id) };
  }
  return null;
}

function liste(valeur: unknown): Ref[] {
  const elements = Array.isArray(valeur) ? valeur : [valeur];
  return elements.map(versRef).filter((r): r is Ref => r !== null);
}

export function memeRef(a: Ref, b: Ref): boolean {
  if (a.documentId !== undefined && b.documentId !== undefined) return a.documentId === b.documentId;
  return a.id !== undefined && a.id === b.id;
}

export function resoudreRelation(entree: unknown, actuels: readonly Ref[]): Ref[] {
  if (entree === null || entree === undefined) return [];
  if (typeof entree !== 'object' || Array.isArray(entree)) return liste(entree);

  const operations = entree as Record<string, unknown>;
  if ('set' in operations) return liste(operations.set);
  if (!('connect' in operations) && !('disconnect' in operations)) return liste(entree);

  const retires = liste(operations.disconnect ?? []);
  const resultat = actuels.filter((r) => !retires.some((d) => memeRef(d, r)));
  for (const ajout of liste(operations.connect ?? [])) {
    if (!resultat.some((r) => memeRef(r, ajout))) resultat.push(ajout);
  }
  return resultat;
}
