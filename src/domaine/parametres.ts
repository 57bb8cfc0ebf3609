/**
 * Checks of the query string of the computed routes (statistiques, similaires, synthèses): a bad parameter is a
 * 400 with a French message, never a 500. Pure.
 */
export type Lecture<T> = { ok: true; valeur: T } | { ok: false; message: string };

/** The parameters of `requete` that the route does not know, in a French message; null if none. */
export function parametresInconnus(requete: Record<string, unknown>, autorises: readonly string[]): string | null {
  const inconnus = Object.keys(requete).filter((nom) => !autorises.includes(nom));
  if (inconnus.length === 0) return null;
  const liste = inconnus.map((nom) => `« ${nom} »`).join(', ');
  const attendus = autorises.length > 0 ? `paramètres acceptés : ${autorises.join(', ')}` : 'aucun paramètre accepté';
  return `${inconnus.length > 1 ? 'Paramètres inconnus' : 'Paramètre inconnu'} : ${liste} (${attendus}).`;
}

/** An integer between 1 and `max`, `defaut` when absent. */
export function lireLimite(valeur: unknown, defaut: number, max: number): Lecture<number> {
  if (valeur === undefined) return { ok: true, valeur: defaut };
  const texte = typeof valeur === 'number' ? String(valeur) : valeur;
  if (typeof texte !== 'string' || !/^\d+$/.test(texte.trim()) || Number(texte) < 1 || Number(texte) > max) {
    return { ok: false, message: `Le paramètre « limit » doit être un entier entre 1 et ${max}.` };
  }
  return { ok: true, valeur: Number(texte) };
}
