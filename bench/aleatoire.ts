/**
 * Seeded randomness for the data generator: the same graine gives the same projets, whatever the
 * batches (each projet draws from its own stream, derived from the graine and its index).
 */

/** mulberry32: a 32-bit PRNG, plenty for test data, in [0, 1). */
export function mulberry32(graine: number): () => number {
  let etat = graine >>> 0;
  return () => {
    etat = (etat + 0x6d2b79f5) >>> 0;
    let t = etat;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The stream of one item: a hash of (graine, index) seeds it. */
export function flux(graine: number, index: number): () => number {
  let h = Math.imul(graine ^ 0x9e3779b9, 0x85ebca6b) ^ index;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return mulberry32((h ^ (h >>> 16)) >>> 0);
}

export function entier(alea: () => number, min: number, max: number): number {
  return min + Math.floor(alea() * (max - min + 1));
}

export function choisir<T>(alea: () => number, valeurs: readonly T[]): T {
  if (valeurs.length === 0) throw new Error('choix dans une liste vide');
  return valeurs[Math.floor(alea() * valeurs.length)];
}

/** `nombre` distinct values (or all of them when there are fewer). */
export function echantillon<T>(alea: () => number, valeurs: readonly T[], nombre: number): T[] {
  const copie = [...valeurs];
  const n = Math.min(nombre, copie.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(alea() * (copie.length - i));
    [copie[i], copie[j]] = [copie[j], copie[i]];
  }
  return copie.slice(0, n);
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A document id in the cuid2 format (a letter, then 23 lowercase letters or digits), drawn from `alea`. */
export function identifiantDocument(alea: () => number): string {
  let id = BASE36[10 + Math.floor(alea() * 26)];
  for (let i = 1; i < 24; i += 1) id += BASE36[Math.floor(alea() * 36)];
  return id;
}
