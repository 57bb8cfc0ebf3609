/**
 * The functions of Strapi this project replaces, in one registry, each with Strapi's own kept beside
 * it. The CMS never puts them back: the registry exists so that the tests and the bench can measure
 * and compare against Strapi's own path (same request, same data) — the equivalence tests of the
 * list path, the « chemin Strapi » and « sans visibilité » references of `npm run bench`.
 */

/** What a replacement belongs to: the members' reveal and draft filtering, or the performance paths. */
export type Groupe = 'visibilite' | 'performance';

interface Remplacement {
  objet: Record<string, unknown>;
  nom: string;
  origine: unknown;
  remplacante: unknown;
  groupe: Groupe;
}

/**
 * Held by the realm, not the module: the tests' global setup and the bench load this file from
 * another path (sources, not the compiled application) than the Strapi they drive.
 */
const CLE_REGISTRE = Symbol.for('bibliotheque-ia.remplacements');
const registre: Remplacement[] = ((globalThis as Record<symbol, Remplacement[] | undefined>)[CLE_REGISTRE] ??= []);

/** Replaces `objet[nom]` with what `fabrique` builds from the current function; returns the replacement. */
export function remplacer<F extends (...args: any[]) => any>(objet: object, nom: string, groupe: Groupe, fabrique: (origine: F) => F): F {
  const cible = objet as Record<string, unknown>;
  const origine = cible[nom] as F;
  const remplacante = fabrique(origine);
  cible[nom] = remplacante;
  registre.push({ objet: cible, nom, origine, remplacante, groupe });
  return remplacante;
}

/**
 * Puts Strapi's functions of `groupes` back (latest replacement first, so chained ones unwind in order)
 * and returns the function that reinstalls the replacements. For tests and the bench only.
 */
export function restaurerStrapi(groupes: readonly Groupe[]): () => void {
  const concernes = registre.filter((r) => groupes.includes(r.groupe)).reverse();
  for (const r of concernes) r.objet[r.nom] = r.origine;
  return () => {
    for (const r of [...concernes].reverse()) r.objet[r.nom] = r.remplacante;
  };
}
