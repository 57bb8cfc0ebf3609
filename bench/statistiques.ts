/** Latency statistics of a scenario, from every response time recorded. Pure. */

/** Nearest-rank percentile (p in ]0, 100]) of unsorted values; null when there is none. */
export function percentile(valeurs: readonly number[], p: number): number | null {
  if (valeurs.length === 0) return null;
  const tries = [...valeurs].sort((a, b) => a - b);
  const rang = Math.ceil((p / 100) * tries.length);
  return tries[Math.min(tries.length, Math.max(1, rang)) - 1];
}

export interface Latences {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export function resumerLatences(valeurs: readonly number[]): Latences {
  return {
    p50: percentile(valeurs, 50),
    p95: percentile(valeurs, 95),
    p99: percentile(valeurs, 99),
    max: valeurs.length ? Math.max(...valeurs) : null,
  };
}

export type Croissance = 'plate' | 'sous-linéaire' | 'linéaire' | 'sur-linéaire';

/**
 * How a cost grows with the number of projets: the slope k of log(cost) against log(size) between the
 * smallest and the largest size (cost ∝ size^k). Flat for k < 0.2, linear for 0.8 ≤ k ≤ 1.2.
 */
export function croissance(points: ReadonlyArray<{ projets: number; valeur: number }>): { pente: number; forme: Croissance } | null {
  const valides = points.filter((p) => p.valeur > 0).sort((a, b) => a.projets - b.projets);
  if (valides.length < 2) return null;
  const [premier, dernier] = [valides[0], valides[valides.length - 1]];
  if (dernier.projets === premier.projets) return null;
  const pente = Math.log(dernier.valeur / premier.valeur) / Math.log(dernier.projets / premier.projets);
  const forme: Croissance = pente < 0.2 ? 'plate' : pente < 0.8 ? 'sous-linéaire' : pente <= 1.2 ? 'linéaire' : 'sur-linéaire';
  return { pente, forme };
}
