/**
 * One computed value kept in the process's memory: computed once for concurrent callers (the promise
 * is shared), forgotten on `invalider()` or after `dureeMs` (safety net for writes this process does
 * not see: another instance, the import script). Pure: the clock is injected.
 */
export interface CacheMemoire<T> {
  obtenir(): Promise<T>;
  invalider(): void;
}

export function creerCacheMemoire<T>(calculer: () => Promise<T>, dureeMs: number, maintenant: () => number = Date.now): CacheMemoire<T> {
  let entree: { valeur: Promise<T>; expire: number } | undefined;
  return {
    obtenir() {
      const instant = maintenant();
      if (entree && entree.expire > instant) return entree.valeur;
      const courante = { valeur: calculer(), expire: instant + dureeMs };
      entree = courante;
      // A failed computation is not kept: the next caller tries again.
      courante.valeur.catch(() => {
        if (entree === courante) entree = undefined;
      });
      return courante.valeur;
    },
    invalider() {
      entree = undefined;
    },
  };
}
