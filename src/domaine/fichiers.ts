/**
 * Active content in uploaded files. An SVG is a document that a browser runs (scripts, event handlers,
 * links, embedded HTML, external loads), and markup sent as an image or a PDF is sniffed as HTML by
 * some clients: both are refused, with the reason in French. Served files also carry `nosniff` and a
 * `sandbox` CSP (see `ENTETES_FICHIERS`), so a file that slipped through still cannot run. Pure.
 */

/** Headers of every served upload: no sniffing, no script, no plugin, no navigation from the file. */
export const ENTETES_FICHIERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
};

/** Bytes read to recognise markup in a file that is not an SVG. */
export const OCTETS_EXAMINES = 4096;

/** Whether the file claims to be an SVG (name or type): then it is read whole. */
export function annonceSvg(nom: string, type: string): boolean {
  return /\.svgz?$/i.test(nom) || /svg/i.test(type);
}

/** Text of the bytes, whatever the encoding markup can hide behind (UTF-16 with a byte order mark). */
export function texteDe(octets: Uint8Array): string {
  if (octets[0] === 0xff && octets[1] === 0xfe) return new TextDecoder('utf-16le').decode(octets);
  if (octets[0] === 0xfe && octets[1] === 0xff) return new TextDecoder('utf-16be').decode(octets);
  return new TextDecoder('utf-8').decode(octets);
}

/** Numeric character references decoded, so that `&#106;avascript:` reads `javascript:`. */
function sansReferences(texte: string): string {
  return texte.replace(/&#(x[0-9a-f]+|\d+);?/gi, (_tout, code: string) => {
    const point = code[0].toLowerCase() === 'x' ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : '';
  });
}

const INTERDITS_SVG: ReadonlyArray<[RegExp, string]> = [
  [/<!(DOCTYPE|ENTITY)/i, 'une déclaration DOCTYPE ou ENTITY'],
  [/<\?xml-stylesheet/i, 'une feuille de style externe'],
  [/<(\w+:)?script/i, 'un script'],
  [/[\s/"'](on\w+)\s*=/i, 'un gestionnaire d’événement (attribut on…)'],
  [/attributeName\s*=\s*["']?\s*(on\w+|(\w+:)?href)/i, 'une animation d’attribut actif'],
  [/(java|vb)script\s*:/i, 'une adresse javascript:'],
  [/<(\w+:)?(foreignObject|iframe|embed|object|handler|listener)\b/i, 'un élément actif (foreignObject, iframe, embed, object)'],
  [/@import/i, 'une feuille de style externe'],
  [/url\(\s*["']?\s*(?![#"'\s])/i, 'une référence externe (url(…))'],
  [/(^|[\s"'])((\w+:)?href|src)\s*=\s*["']?\s*(?![#"'\s]|data:image\/(png|jpe?g|gif|webp)[;,])/i, 'une référence externe (href ou src)'],
];

/**
 * Why this file is refused, or undefined when it is accepted. `contenu`: the whole file for an SVG
 * (`annonceSvg`), its first `OCTETS_EXAMINES` bytes otherwise.
 */
export function motifContenuActif(nom: string, type: string, contenu: Uint8Array): string | undefined {
  const texte = texteDe(contenu).replace(/^\uFEFF/, '');
  const balisage = /^\s*</.test(texte);
  const svg = annonceSvg(nom, type) || (balisage && /<svg[\s>]/i.test(texte));
  if (!svg) return balisage ? `contenu HTML ou XML présenté comme ${type || 'fichier'}` : undefined;
  if (!/<svg[\s>]/i.test(texte)) return 'ce n’est pas une image SVG';
  const clair = sansReferences(texte);
  for (const [motif, raison] of INTERDITS_SVG) if (motif.test(clair)) return `l’image SVG contient ${raison}`;
  return undefined;
}

export function messageFichierRefuse(nom: string, motif: string): string {
  return `Fichier « ${nom} » refusé : ${motif}.`;
}
