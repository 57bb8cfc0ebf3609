/**
 * Reads an import file: encoding (UTF-8 with or without BOM; anything else is refused and reported,
 * never decoded into garbage), separator (`,` or `;`), RFC 4180 parsing.
 */
import { parse } from 'csv-parse/sync';

export type Separateur = ',' | ';';

/** csv: delimited text; xlsx, ods: spreadsheet (lecture-fichier.ts). */
export type FormatFichier = 'csv' | 'xlsx' | 'ods';

export interface FichierLu {
  format: FormatFichier;
  /** null for a spreadsheet */
  separateur: Separateur | null;
  bom: boolean;
  entetes: string[];
  /** data rows (header excluded), numbered as a spreadsheet shows them (1 = header, 2 = first projet) */
  lignes: Array<{ numero: number; valeurs: string[] }>;
}

export class FichierIllisible extends Error {}

/** Single-byte encodings most often met in French spreadsheets exports, told apart by their bytes. */
function devinerEncodage(octets: Uint8Array): string {
  // 0x80–0x9F are control characters in ISO-8859-1 but letters/punctuation in Windows-1252 (’, œ, €…).
  for (const octet of octets) if (octet >= 0x80 && octet <= 0x9f) return 'Windows-1252';
  return 'ISO-8859-1 (Latin-1)';
}

export function decoder(octets: Uint8Array): { texte: string; bom: boolean } {
  const bom = octets[0] === 0xef && octets[1] === 0xbb && octets[2] === 0xbf;
  if ((octets[0] === 0xff && octets[1] === 0xfe) || (octets[0] === 0xfe && octets[1] === 0xff)) {
    throw new FichierIllisible('Le fichier est encodé en UTF-16 : enregistrez-le en UTF-8 (CSV UTF-8) puis relancez l’import.');
  }
  try {
    const texte = new TextDecoder('utf-8', { fatal: true }).decode(bom ? octets.subarray(3) : octets);
    return { texte, bom };
  } catch {
    // Locates the first invalid byte for the report (U+FFFD is what a lenient decoder puts there).
    const approche = new TextDecoder('utf-8').decode(bom ? octets.subarray(3) : octets);
    const position = approche.indexOf('\uFFFD');
    const ligne = approche.slice(0, position).split('\n').length;
    throw new FichierIllisible(
      `Le fichier n’est pas en UTF-8 (encodage probable : ${devinerEncodage(octets)} ; premier octet invalide ligne ${ligne}) : ` +
        'enregistrez-le en UTF-8 (CSV UTF-8) puis relancez l’import. Rien n’a été importé.',
    );
  }
}

/** The separator of the header line: the one of `,` and `;` that splits it into more columns outside quotes. */
export function detecterSeparateur(texte: string): Separateur {
  const compte = { ',': 0, ';': 0 };
  let entreGuillemets = false;
  for (const c of texte) {
    if (c === '"') entreGuillemets = !entreGuillemets;
    else if (!entreGuillemets && (c === '\n' || c === '\r')) break;
    else if (!entreGuillemets && (c === ',' || c === ';')) compte[c] += 1;
  }
  return compte[';'] > compte[','] ? ';' : ',';
}

export function lireCsv(octets: Uint8Array): FichierLu {
  const { texte, bom } = decoder(octets);
  if (texte.trim() === '') throw new FichierIllisible('Le fichier est vide : aucune ligne d’en-tête ni de projet.');
  const separateur = detecterSeparateur(texte);
  const premiereLigne = texte.slice(0, texte.search(/\r?\n|$/));
  if (!/[,;]/.test(premiereLigne) && /[\t|]/.test(premiereLigne)) {
    const nom = premiereLigne.includes('\t') ? 'la tabulation' : 'la barre verticale';
    throw new FichierIllisible(`Séparateur non pris en charge (${nom}) : le séparateur doit être la virgule ou le point-virgule. Rien n’a été importé.`);
  }
  let enregistrements: string[][];
  try {
    enregistrements = parse(texte, {
      delimiter: separateur,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (erreur) {
    throw new FichierIllisible(`Le fichier n’est pas un CSV lisible : ${(erreur as Error).message}`);
  }
  const [entete, ...donnees] = enregistrements;
  return {
    format: 'csv',
    separateur,
    bom,
    entetes: entete,
    lignes: donnees.map((d, index) => ({ numero: index + 2, valeurs: d })),
  };
}
