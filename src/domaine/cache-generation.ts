/**
 * Values kept in memory, valid for one generation of the content (src/documents/generation.ts): every
 * write bumps a counter stored in the database, and a value computed at another generation is never
 * served. So it stays exact even when another process (the import command, a script) writes. Identical
 * requests arriving together share one computation. Used by the search and the response cache. Pure.
 */
export class CacheParGeneration<T> {
  private readonly entrees = new Map<string, { generation: number; valeur: Promise<T> }>();

  constructor(private readonly capacite: number) {}

  obtenir(cle: string, generation: number, calculer: () => Promise<T>): Promise<T> {
    const entree = this.entrees.get(cle);
    this.entrees.delete(cle);
    if (entree && entree.generation === generation) {
      this.entrees.set(cle, entree); // most recently used last
      return entree.valeur;
    }
    const valeur = calculer();
    const nouvelle = { generation, valeur };
    this.entrees.set(cle, nouvelle);
    // A failure is not kept: the next request computes again.
    valeur.catch(() => {
      if (this.entrees.get(cle) === nouvelle) this.entrees.delete(cle);
    });
    while (this.entrees.size > this.capacite) this.entrees.delete(this.entrees.keys().next().value as string);
    return valeur;
  }

  get taille(): number {
    return this.entrees.size;
  }
}
