/**
 * GraphQL `DateTime` values written as the database layer gives them (README, « Performance »).
 *
 * Strapi reads a datetime column as the ISO text of `Date#toISOString` (`2026-03-01T08:30:00.000Z`);
 * graphql-scalars' `DateTime` then checks that text against its grammar, parses it into a `Date`, and
 * the response's JSON writes that `Date` back into the same text: three conversions per date, a
 * quarter of a list's fields. Text already in that exact form, and naming a real instant, is written
 * as it is; everything else (another offset, no milliseconds, a `Date`, an invalid day) goes through
 * graphql-scalars, which answers or refuses it as before.
 */
import { GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { remplacer } from './remplacements';

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The number written by the two digits of `texte` at `position` (the grammar above has checked them). */
const deuxChiffres = (texte: string, position: number) => (texte.charCodeAt(position) - 48) * 10 + texte.charCodeAt(position + 1) - 48;
const JOURS_PAR_MOIS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const bissextile = (annee: number) => (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0;

/**
 * Whether `valeur` is the text `Date#toISOString` gives for a real instant (not 30 February, not a leap
 * second, not 24:00): the fields checked by arithmetic, in the proleptic Gregorian calendar of `Date`,
 * rather than by building a `Date` and writing it back. Pure.
 */
export function dateTimeCanonique(valeur: unknown): valeur is string {
  if (typeof valeur !== 'string' || !ISO_UTC_MS.test(valeur)) return false;
  const annee = deuxChiffres(valeur, 0) * 100 + deuxChiffres(valeur, 2);
  const mois = deuxChiffres(valeur, 5);
  const jour = deuxChiffres(valeur, 8);
  if (mois < 1 || mois > 12 || jour < 1) return false;
  const joursDuMois = mois === 2 && bissextile(annee) ? 29 : JOURS_PAR_MOIS[mois - 1];
  return jour <= joursDuMois && deuxChiffres(valeur, 11) <= 23 && deuxChiffres(valeur, 14) <= 59 && deuxChiffres(valeur, 17) <= 59;
}

const accelerees = new WeakSet<GraphQLScalarType>();

/** Sets the fast path on the schema's `DateTime` scalar (once per scalar instance). */
export function ecrireDatesTelles(schema: GraphQLSchema): void {
  const scalaire = schema.getType('DateTime');
  if (!(scalaire instanceof GraphQLScalarType) || accelerees.has(scalaire)) return;
  accelerees.add(scalaire);
  remplacer<GraphQLScalarType['serialize']>(scalaire, 'serialize', 'performance', (origine) => (valeur) => (dateTimeCanonique(valeur) ? valeur : origine.call(scalaire, valeur)));
}
