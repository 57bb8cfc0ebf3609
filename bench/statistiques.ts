/** Latency statistics of a scenario, from every response time recorded. Pure. */

/** Nearest-rank percentile (p in ]0, 100]) of unsorted values; null when there is none. */
export function percentile(valeurs: readonly number[], p: number): number | null {
  if (valeurs.length === 0) return null;
  const tries = [...valeurs].sort((a, b) => a - b);
  const rang = Math.ceil((p / 100) * tries.length);
  return tries[Math.min(tries.length, Math.max(1, rang)) - 1];
}

/** Samples per unit of 1/(1 − p) a percentile needs to be quoted: 40 for p50, 400 for p95, 2,000 for p99. */
export const ECHANTILLONS_PAR_UNITE = 20;

/** Samples needed to quote the percentile p (in ]0, 100[): below, the p95 of 30 samples is their maximum. */
export function echantillonsRequis(p: number): number {
  return Math.ceil(ECHANTILLONS_PAR_UNITE / (1 - p / 100) - 1e-9);
}

export interface Latences {
  /** samples behind the figures */
  n: number;
  /** null: no sample, or too few to quote this percentile (echantillonsRequis) */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export function resumerLatences(valeurs: readonly number[]): Latences {
  const quantile = (p: number) => (valeurs.length >= echantillonsRequis(p) ? percentile(valeurs, p) : null);
  return {
    n: valeurs.length,
    p50: quantile(50),
    p95: quantile(95),
    p99: quantile(99),
    max: valeurs.length ? Math.max(...valeurs) : null,
  };
}

/** Growth of a cost between two sizes: the ratio of the larger to the smaller, null when one is missing. */
export function rapportCroissance(avant: number | null | undefined, apres: number | null | undefined): number | null {
  return avant !== null && avant !== undefined && apres !== null && apres !== undefined && avant > 0 ? apres / avant : null;
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
