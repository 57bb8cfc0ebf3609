/**
 * Plain-language hints on the public texts of a projet (docs/qualite.md): sentences too long to read at
 * once, and acronyms the reader is not told the meaning of. Hints, not rules: nothing is refused. Pure.
 */

/** Past this many words a sentence is flagged (plain-language guides for administrations say 15 to 25 on average). */
export const MOTS_PAR_PHRASE_MAX = 35;

/**
 * Acronyms a reader of a French public service page knows without expansion. Kept short on purpose:
 * RGPD, CNIL, DPO… are to be spelled out once, the audience of a fiche is everyone.
 */
export const SIGLES_CONNUS: ReadonlySet<string> = new Set(['IA', 'UE', 'PDF', 'URL', 'SMS', 'GPS', 'TV']);

export interface Indice {
  type: 'phrase_longue' | 'sigle_non_defini';
  message: string;
  /** The sentence (shortened) or the acronym. */
  extrait: string;
}

/** Words of a text: letters (accented ones too), digits, inner apostrophes and hyphens. */
const MOT = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
/** An acronym: 2 to 6 capital letters (accented ones too), alone, optionally with a plural s. */
const SIGLE = /(?<![\p{L}\p{N}])(\p{Lu}{2,6})s?(?![\p{L}\p{N}])/gu;

/** Markdown of the description reduced to its text: links, emphasis, headings, list marks. */
function texteBrut(texte: string): string {
  return texte
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[*_`#>]+/g, ' ');
}

/** Sentences: ended by . ! ? … or a line break (list items, headings). Abbreviations like « M. » are rare enough here. */
export function phrases(texte: string): string[] {
  return texteBrut(texte)
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export const nombreDeMots = (phrase: string): number => phrase.match(MOT)?.length ?? 0;

const extrait = (phrase: string) => (phrase.length > 80 ? `${phrase.slice(0, 77)}…` : phrase);

export function phrasesLongues(texte: string, max = MOTS_PAR_PHRASE_MAX): Indice[] {
  return phrases(texte)
    .filter((p) => nombreDeMots(p) > max)
    .map((p) => ({ type: 'phrase_longue', message: `Phrase de ${nombreDeMots(p)} mots (plus de ${max}) : coupez-la en deux.`, extrait: extrait(p) }));
}

/**
 * Acronyms never given with their expansion: « Règlement général sur la protection des données (RGPD) »
 * or « RGPD (règlement général…) » defines RGPD for the whole text. A text written all in capitals is
 * not made of acronyms: words of a line in capitals are ignored.
 */
export function siglesNonDefinis(texte: string, connus: ReadonlySet<string> = SIGLES_CONNUS): Indice[] {
  const brut = texteBrut(texte);
  const definis = new Set<string>();
  for (const m of brut.matchAll(/\(\s*(\p{Lu}{2,6})s?\s*\)/gu)) definis.add(m[1]);
  for (const m of brut.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,6})s?\s*\(\s*\p{L}[^)]{3,}\)/gu)) definis.add(m[1]);
  const vus = new Set<string>();
  const indices: Indice[] = [];
  for (const ligne of brut.split('\n')) {
    const lettres = ligne.match(/\p{L}/gu) ?? [];
    if (lettres.length > 12 && lettres.every((l) => l === l.toUpperCase())) continue;
    for (const m of ligne.matchAll(SIGLE)) {
      const sigle = m[1];
      if (connus.has(sigle) || definis.has(sigle) || vus.has(sigle)) continue;
      vus.add(sigle);
      indices.push({ type: 'sigle_non_defini', message: `Sigle « ${sigle} » jamais développé : écrivez-le en toutes lettres une fois, suivi du sigle entre parenthèses.`, extrait: sigle });
    }
  }
  return indices;
}

/** All the hints on one text. */
export function indicesLangageClair(texte: string | null | undefined): Indice[] {
  if (!texte || texte.trim() === '') return [];
  return [...phrasesLongues(texte), ...siglesNonDefinis(texte)];
}
