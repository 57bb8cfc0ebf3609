/**
 * PostgreSQL's `timestamp` (without time zone) text read into a `Date` without regular expressions.
 *
 * Every datetime column Strapi creates is a `timestamp`: pg parses each one with postgres-date (three
 * regular expressions and a `split` per value), about a tenth of the CPU of a list request (4 dates
 * per row, 75 rows). The form PostgreSQL writes with `DateStyle` ISO, `2026-03-01 08:30:00.123456`,
 * is read here digit by digit into the **same** `Date` postgres-date builds (local time, the same
 * millisecond arithmetic); any other text (a year before 1000, BC, `infinity`, another `DateStyle`)
 * goes to postgres-date as before. Pure.
 */

/** The number written by the digits of `texte` in [debut, fin), or -1 when a character is not a digit. */
function nombre(texte: string, debut: number, fin: number): number {
  let valeur = 0;
  for (let i = debut; i < fin; i += 1) {
    const chiffre = texte.charCodeAt(i) - 48;
    if (chiffre < 0 || chiffre > 9) return -1;
    valeur = valeur * 10 + chiffre;
  }
  return valeur;
}

/** `YYYY-MM-DD HH:MM:SS[.f…]` with a year from 1000, as a local `Date`; null for any other text. */
export function lireHorodatageIso(texte: string): Date | null {
  const longueur = texte.length;
  if (longueur < 19 || longueur === 20 || longueur > 26) return null;
  if (texte[4] !== '-' || texte[7] !== '-' || texte[10] !== ' ' || texte[13] !== ':' || texte[16] !== ':' || texte[0] === '0') return null;
  const annee = nombre(texte, 0, 4);
  const mois = nombre(texte, 5, 7);
  const jour = nombre(texte, 8, 10);
  const heure = nombre(texte, 11, 13);
  const minute = nombre(texte, 14, 16);
  const seconde = nombre(texte, 17, 19);
  if (annee < 0 || mois < 0 || jour < 0 || heure < 0 || minute < 0 || seconde < 0) return null;
  let millisecondes = 0;
  if (longueur > 19) {
    if (texte[19] !== '.' || nombre(texte, 20, longueur) < 0) return null;
    // postgres-date's own arithmetic (1000 × the fraction read as a float), so the same millisecond.
    millisecondes = 1000 * parseFloat(texte.slice(19));
  }
  return new Date(annee, mois - 1, jour, heure, minute, seconde, millisecondes);
}

/** The parser for `timestamp` columns: the fast path above, else `repli` (postgres-date). */
export const lecteurHorodatage =
  (repli: (texte: string) => unknown) =>
  (texte: string): unknown =>
    lireHorodatageIso(texte) ?? repli(texte);

/** The part of pg's `types` registry used here. */
export interface TypesPg {
  getTypeParser(oid: number, format: 'text'): (texte: string) => unknown;
  setTypeParser(oid: number, format: 'text', lecteur: (texte: string) => unknown): void;
}

/** PostgreSQL's type id of `timestamp` (without time zone). */
export const OID_TIMESTAMP = 1114;
const installes = new WeakSet<(texte: string) => unknown>();

/** Puts the reader in pg's registry (process-wide, like Strapi's own parsers for date, jsonb, numeric); once. */
export function installerLecteurHorodatage(types: TypesPg): void {
  const actuel = types.getTypeParser(OID_TIMESTAMP, 'text');
  if (installes.has(actuel)) return;
  const lecteur = lecteurHorodatage(actuel);
  installes.add(lecteur);
  types.setTypeParser(OID_TIMESTAMP, 'text', lecteur);
}
