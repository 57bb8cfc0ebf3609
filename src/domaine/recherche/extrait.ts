/**
 * The excerpt of a search result: a short passage of the first Public text that contains a matched
 * word, HTML-escaped, matched words wrapped in <mark>. Computed here from the original text, with
 * the analysis of `texte.ts`, so it is the same on PostgreSQL and SQLite. Pure.
 */
import { mots, racine, type Mot } from './texte';

const LONGUEUR_EXTRAIT = 220;

const ECHAPPEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const echapperHtml = (texte: string) => texte.replace(/[&<>"']/g, (c) => ECHAPPEMENTS[c]);

/** Markdown reduced to its words: the excerpt is plain text. */
export function texteBrut(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[#*_`>~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts `texte` around `centre` to about `longueur` characters, on word boundaries, with ellipses. */
function fenetre(texte: string, centre: number, longueur: number): { debut: number; fin: number } {
  if (texte.length <= longueur) return { debut: 0, fin: texte.length };
  let debut = Math.max(0, Math.min(centre - Math.floor(longueur / 3), texte.length - longueur));
  let fin = Math.min(texte.length, debut + longueur);
  if (debut > 0) {
    const espace = texte.indexOf(' ', debut);
    if (espace !== -1 && espace < centre) debut = espace + 1;
  }
  if (fin < texte.length) {
    const espace = texte.lastIndexOf(' ', fin);
    if (espace > centre) fin = espace;
  }
  return { debut, fin };
}

/**
 * The excerpt of the text (in order of preference on a tie) that contains the most distinct words of
 * `racines`; without any match, the beginning of the first non-empty text, unmarked.
 */
export function extrait(textes: Array<string | null | undefined>, racines: readonly string[]): string {
  const cherchees = new Set(racines);
  const bruts = textes.map((t) => texteBrut(t ?? '')).filter((t) => t !== '');
  let meilleur: { texte: string; trouves: Mot[]; distinctes: number } | undefined;
  for (const texte of bruts) {
    const trouves = mots(texte).filter((m) => {
      const r = racine(m.forme);
      return r !== null && cherchees.has(r);
    });
    const distinctes = new Set(trouves.map((m) => racine(m.forme))).size;
    if (distinctes > (meilleur?.distinctes ?? 0)) meilleur = { texte, trouves, distinctes };
  }
  if (meilleur) {
    const { texte, trouves } = meilleur;
    const { debut, fin } = fenetre(texte, trouves[0].debut, LONGUEUR_EXTRAIT);
    let html = debut > 0 ? '…' : '';
    let curseur = debut;
    for (const m of trouves) {
      if (m.debut < debut || m.fin > fin) continue;
      html += `${echapperHtml(texte.slice(curseur, m.debut))}<mark>${echapperHtml(texte.slice(m.debut, m.fin))}</mark>`;
      curseur = m.fin;
    }
    return `${html}${echapperHtml(texte.slice(curseur, fin))}${fin < texte.length ? '…' : ''}`;
  }
  if (bruts.length === 0) return '';
  const { fin } = fenetre(bruts[0], 0, LONGUEUR_EXTRAIT);
  return `${echapperHtml(bruts[0].slice(0, fin))}${fin < bruts[0].length ? '…' : ''}`;
}
