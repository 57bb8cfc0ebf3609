import { sansAccents } from '../slug';

/** Comparison key of a label: no accents, lower case, apostrophes and punctuation as spaces. */
export function cleTexte(texte: string): string {
  return sansAccents(texte)
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}

/** One line of text: whitespace runs (line breaks included) become one space, ends trimmed. */
export function texteSurUneLigne(texte: string): string {
  return texte.replace(/\s+/g, ' ').trim();
}
