/**
 * What the three exports to peer registers share (docs/exports-registres.md): the shape of an export and
 * the recording of the peer fields a projet cannot fill. Pure: no Strapi import.
 */

/** A projet in a peer's format, and the peer fields left empty (dotted paths in that document). */
export interface ExportRegistre<T> {
  document: T;
  champsNonRenseignes: string[];
}

/** A trimmed text, or null when there is nothing to say. */
export function texte(valeur: string | null | undefined): string | null {
  const propre = valeur?.trim();
  return propre ? propre : null;
}

/** Cut to the peer's maximum length; the ellipsis tells the reader the text goes on in the library. */
export function tronquer(valeur: string | null, max: number): string | null {
  if (valeur === null || valeur.length <= max) return valeur;
  return `${valeur.slice(0, max - 1).trimEnd()}…`;
}

/** Texts joined by a blank line, null when all are empty. */
export function joindre(...valeurs: Array<string | null | undefined>): string | null {
  const remplies = valeurs.map(texte).filter((v): v is string => v !== null);
  return remplies.length > 0 ? remplies.join('\n\n') : null;
}

/**
 * Collects a document's fields: a filled value is set, an empty one (null, '', []) is left out and its
 * path recorded as not filled, so the list of unmapped fields cannot drift from the document.
 */
export class Releve {
  private readonly champsNonRenseignes: string[] = [];
  private readonly enfants: Releve[] = [];

  constructor(private readonly prefixe = '') {}

  /** The object of the given fields without the empty ones. */
  objet<T extends object>(champs: { [K in keyof T]: T[K] | null }): T {
    const resultat: Record<string, unknown> = {};
    for (const [cle, valeur] of Object.entries(champs)) {
      if (valeur === null || valeur === undefined || valeur === '' || (Array.isArray(valeur) && valeur.length === 0)) {
        this.champsNonRenseignes.push(`${this.prefixe}${cle}`);
      } else {
        resultat[cle] = valeur;
      }
    }
    return resultat as T;
  }

  /** Paths of fields the export never fills for this projet, beyond the keys of `objet`. */
  nonRenseigne(...cles: string[]): void {
    this.champsNonRenseignes.push(...cles.map((cle) => `${this.prefixe}${cle}`));
  }

  /** A recorder for a nested object: its paths start with `cle.`. */
  sous(cle: string): Releve {
    const enfant = new Releve(`${this.prefixe}${cle}.`);
    this.enfants.push(enfant);
    return enfant;
  }

  /** Every path not filled: this object’s own, then its nested objects’. */
  tous(): string[] {
    return [...this.champsNonRenseignes, ...this.enfants.flatMap((e) => e.tous())];
  }
}

/** `YYYY-MM` of an ISO date. */
export function mois(date: string | null): string | null {
  return date ? date.slice(0, 7) : null;
}
