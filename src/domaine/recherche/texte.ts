/**
 * Text analysis of the search, the JavaScript twin of PostgreSQL's `recherche_fr` configuration
 * (`unaccent` then the French Snowball stemmer, French stop words): SQLite's FTS5 index receives
 * text already analysed here, and the excerpt finds the matched words with the same rules, so that
 * both databases and the highlighting agree on what a word matches. Pure.
 */
import { newStemmer } from 'snowball-stemmers';
import { sansAccents } from '../slug';

const stemmer = newStemmer('french');

/**
 * PostgreSQL's `french.stop`, as it applies after `unaccent`: only its unaccented entries still
 * match a token (« à » has become « a » when the stop list is read), so only those are kept.
 */
const MOTS_VIDES: ReadonlySet<string> = new Set(
  (
    'au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me mes moi mon ne nos notre nous on ou par pas ' +
    'pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y suis es est sommes sont serai ' +
    'seras sera serons serez seront serais serait serions seriez seraient fus fut furent sois soit soyons soyez soient fusse fusses ' +
    'fussions fussiez fussent ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront ' +
    'aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eurent aie aies ait ayons ayez aient eusse eusses ' +
    'eussions eussiez eussent'
  ).split(' '),
);

/** A word of a text: its position in the text and its normalised form (lower case, no accents). */
export interface Mot {
  debut: number;
  fin: number;
  forme: string;
}

/** Lower case without accents (œ → oe): the form in which words are compared. */
export function normaliser(texte: string): string {
  return sansAccents(texte).toLowerCase();
}

const LETTRES = /[\p{L}\p{N}]+/gu;

/** The words of a text, split on anything that is not a letter or a digit (apostrophes, hyphens, operators). */
export function mots(texte: string): Mot[] {
  const resultat: Mot[] = [];
  for (const m of texte.matchAll(LETTRES)) {
    const forme = normaliser(m[0]);
    if (forme) resultat.push({ debut: m.index ?? 0, fin: (m.index ?? 0) + m[0].length, forme });
  }
  return resultat;
}

/** The stem of a normalised word, or null for a stop word. */
export function racine(forme: string): string | null {
  if (MOTS_VIDES.has(forme)) return null;
  return stemmer.stem(forme);
}

/** The stems of a text, in order, stop words left out. */
export function racines(texte: string): string[] {
  return mots(texte).flatMap((m) => {
    const r = racine(m.forme);
    return r ? [r] : [];
  });
}
