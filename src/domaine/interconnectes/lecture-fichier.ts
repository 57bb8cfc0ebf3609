/**
 * Reads an import file whatever its format: CSV (lecture-csv.ts), XLSX or ODS (SheetJS, @e965/xlsx).
 * The format is told by the first bytes (a spreadsheet is a ZIP archive: `xl/` inside for XLSX, the
 * ODS mimetype otherwise), the extension only names what was expected. Cells come out as the user
 * sees them, in the forms the row normaliser reads (dates in ISO, SIRETs with every digit).
 */
import * as XLSX from '@e965/xlsx';
import { correspondreColonnes } from './colonnes';
import { FichierIllisible, lireCsv, type FichierLu, type FormatFichier } from './lecture-csv';

export { FichierIllisible, type FichierLu, type FormatFichier };

/** Data rows read from a spreadsheet: beyond, the file is refused (not silently cut). */
export const MAX_LIGNES = 5000;
/** Columns of the header: the Table Schema has about fifty. */
export const MAX_COLONNES = 200;
/** Decompressed size of the archive: a few megabytes of sheet are thousands of rows; beyond is a ZIP bomb or not a library. */
export const MAX_OCTETS_DECOMPRESSES = 100 * 1024 * 1024;
/** Rows looked at, in each sheet, to find the header (a title row may sit above it). */
const LIGNES_AVANT_ENTETE = 10;

const MIMETYPE_ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const RIEN = 'Rien n’a été importé.';

export const LIBELLES_FORMAT: Record<FormatFichier, string> = { csv: 'CSV', xlsx: 'classeur XLSX', ods: 'classeur ODS' };

const extension = (nom: string) => /\.([^./\\]+)$/.exec(nom)?.[1]?.toLowerCase() ?? '';
const commencePar = (octets: Uint8Array, signature: number[]) => signature.every((o, i) => octets[i] === o);

interface EntreeZip {
  nom: string;
  taille: number;
  /** the content when stored uncompressed (as the ODS mimetype is), else null */
  brut: () => Uint8Array | null;
}

/**
 * Names and declared sizes of a ZIP archive's entries, from its central directory (no decompression):
 * enough to tell XLSX from ODS and to refuse a ZIP bomb before SheetJS inflates anything.
 */
function entreesZip(octets: Uint8Array): EntreeZip[] | null {
  const vue = new DataView(octets.buffer, octets.byteOffset, octets.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  for (let fin = octets.length - 22; fin >= Math.max(0, octets.length - 22 - 0xffff); fin -= 1) {
    if (vue.getUint32(fin, true) !== 0x06054b50) continue;
    const nombre = vue.getUint16(fin + 10, true);
    let position = vue.getUint32(fin + 16, true);
    const entrees: EntreeZip[] = [];
    for (let i = 0; i < nombre; i += 1) {
      if (position + 46 > octets.length || vue.getUint32(position, true) !== 0x02014b50) return null;
      const longueurNom = vue.getUint16(position + 28, true);
      const suite = longueurNom + vue.getUint16(position + 30, true) + vue.getUint16(position + 32, true);
      const stocke = vue.getUint16(position + 10, true) === 0;
      const compresse = vue.getUint32(position + 20, true);
      const locale = vue.getUint32(position + 42, true);
      entrees.push({
        nom: new TextDecoder().decode(octets.subarray(position + 46, position + 46 + longueurNom)),
        taille: vue.getUint32(position + 24, true),
        brut: () => {
          if (!stocke || locale + 30 > octets.length || vue.getUint32(locale, true) !== 0x04034b50) return null;
          const debut = locale + 30 + vue.getUint16(locale + 26, true) + vue.getUint16(locale + 28, true);
          return octets.subarray(debut, debut + compresse);
        },
      });
      position += 46 + suite;
    }
    return entrees;
  }
  return null;
}

function formatClasseur(nom: string, octets: Uint8Array): 'xlsx' | 'ods' {
  const entrees = entreesZip(octets);
  if (!entrees) throw new FichierIllisible(`Le fichier « ${nom} » est une archive ZIP endommagée (classeur incomplet ou corrompu) : ouvrez-le dans votre tableur et enregistrez-le de nouveau. ${RIEN}`);
  const total = entrees.reduce((somme, e) => somme + e.taille, 0);
  if (total > MAX_OCTETS_DECOMPRESSES) {
    throw new FichierIllisible(`Le classeur « ${nom} » occupe ${Math.round(total / 1024 / 1024)} Mo une fois décompressé (au plus ${MAX_OCTETS_DECOMPRESSES / 1024 / 1024} Mo) : ce n’est pas un tableau de projets. ${RIEN}`);
  }
  if (entrees.some((e) => e.nom.startsWith('xl/'))) return 'xlsx';
  // OpenDocument names its kind in the `mimetype` entry, stored uncompressed (part 3, § 3.3).
  const mimetype = entrees.find((e) => e.nom === 'mimetype');
  const brut = mimetype?.brut();
  const type = brut ? new TextDecoder('latin1').decode(brut).trim() : null;
  if (mimetype && entrees.some((e) => e.nom === 'content.xml') && (type === null || type === MIMETYPE_ODS)) return 'ods';
  if (entrees.some((e) => e.nom.startsWith('word/')) || type?.startsWith('application/vnd.oasis.opendocument.text')) {
    throw new FichierIllisible(`Le fichier « ${nom} » est un document de traitement de texte, pas un tableau : importez un fichier CSV, XLSX ou ODS. ${RIEN}`);
  }
  throw new FichierIllisible(`Le fichier « ${nom} » est une archive ZIP qui n’est ni un classeur XLSX ni un classeur ODS. ${RIEN}`);
}

/** ISO date of a spreadsheet serial date (days since 1899-12-30, 1900 leap-year bug included: SSF knows it). */
function dateIso(serie: number): string {
  const { y, m, d } = XLSX.SSF.parse_date_code(serie) as { y: number; m: number; d: number };
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The cell as the user sees it, in a form the normalisers read. */
function texteCellule(cellule: XLSX.CellObject | undefined): string {
  if (!cellule || cellule.v === undefined || cellule.v === null) return '';
  switch (cellule.t) {
    case 'n': {
      const valeur = cellule.v as number;
      if (cellule.z !== undefined && XLSX.SSF.is_date(cellule.z)) return dateIso(valeur);
      // « General » shows large numbers in scientific notation (2.433E+13): a SIRET typed as a number keeps its digits.
      if (cellule.z === undefined || cellule.z === 'General') return String(valeur);
      return cellule.w ?? String(valeur);
    }
    case 'd': {
      const date = cellule.v as Date;
      return Number.isNaN(date.getTime()) ? (cellule.w ?? '') : date.toISOString().slice(0, 10);
    }
    case 'b':
      return cellule.v ? 'VRAI' : 'FAUX';
    case 'e':
      return cellule.w ?? '';
    default:
      return String(cellule.v).replace(/\r\n?/g, '\n');
  }
}

interface Feuille {
  nom: string;
  /** rows as text, index = row of the sheet (0 = row 1) */
  lignes: string[][];
}

function lireFeuille(nom: string, feuille: XLSX.WorkSheet): Feuille {
  const donnees = (feuille['!data'] ?? []) as Array<XLSX.CellObject[] | undefined>;
  return {
    nom,
    lignes: donnees.map((ligne) => {
      const valeurs = (ligne ?? []).map(texteCellule);
      // Empty cells at the end of a row (formatted, or formulas giving "") widen nothing.
      while (valeurs.length > 0 && valeurs[valeurs.length - 1].trim() === '') valeurs.pop();
      return valeurs;
    }),
  };
}

const vide = (ligne: string[] | undefined) => !ligne || ligne.every((v) => v.trim() === '');

/** How many Interconnectés columns a row names. */
const score = (ligne: string[]) => correspondreColonnes(ligne).colonnes.filter((c) => c !== null).length;

/** The sheet and row of the header: the row, among the first ones of each sheet, naming the most columns. */
function trouverEntete(feuilles: Feuille[]): { feuille: Feuille; index: number } | null {
  let meilleur: { feuille: Feuille; index: number; score: number } | null = null;
  for (const feuille of feuilles) {
    const candidates = feuille.lignes.map((l, index) => ({ l, index })).filter(({ l }) => !vide(l)).slice(0, LIGNES_AVANT_ENTETE);
    for (const { l, index } of candidates) {
      const s = score(l);
      if (!meilleur || s > meilleur.score) meilleur = { feuille, index, score: s };
    }
  }
  if (meilleur && meilleur.score > 0) return meilleur;
  // No known column anywhere: the first non-empty row of the first non-empty sheet (the report says which columns lack).
  for (const feuille of feuilles) {
    const index = feuille.lignes.findIndex((l) => !vide(l));
    if (index >= 0) return { feuille, index };
  }
  return null;
}

const lettresColonne = (index: number) => XLSX.utils.encode_col(index);

function lireClasseur(nom: string, octets: Uint8Array, format: 'xlsx' | 'ods'): FichierLu {
  let classeur: XLSX.WorkBook;
  try {
    // cellNF keeps each cell's number format: dates and numbers are told apart by it.
    classeur = XLSX.read(octets, { type: 'array', dense: true, cellNF: true, cellHTML: false, cellFormula: false, bookVBA: false });
  } catch (erreur) {
    throw new FichierIllisible(`Le ${LIBELLES_FORMAT[format]} « ${nom} » est illisible (${(erreur as Error).message}) : ouvrez-le dans votre tableur et enregistrez-le de nouveau. ${RIEN}`);
  }
  const feuilles = classeur.SheetNames.map((n) => lireFeuille(n, classeur.Sheets[n]));
  const entete = trouverEntete(feuilles);
  if (!entete) throw new FichierIllisible(`Le ${LIBELLES_FORMAT[format]} « ${nom} » est vide : aucune ligne d’en-tête ni de projet. ${RIEN}`);
  const { feuille, index } = entete;

  const donnees = feuille.lignes
    .map((valeurs, i) => ({ numero: i + 1, valeurs }))
    .slice(index + 1)
    .filter(({ valeurs }) => !vide(valeurs));
  if (donnees.length > MAX_LIGNES) {
    throw new FichierIllisible(`La feuille « ${feuille.nom} » compte ${donnees.length} lignes de projets : au plus ${MAX_LIGNES} par import. Découpez le fichier. ${RIEN}`);
  }
  const largeur = Math.max(feuille.lignes[index].length, ...donnees.map((d) => d.valeurs.length));
  if (largeur > MAX_COLONNES) {
    throw new FichierIllisible(`La feuille « ${feuille.nom} » compte ${largeur} colonnes : au plus ${MAX_COLONNES}. ${RIEN}`);
  }
  // A blank header (a merged title, a forgotten name) over a column that holds data is named after its
  // letter: the report lists it with the unknown columns rather than dropping its cells unseen.
  const entetes = Array.from({ length: largeur }, (_, c) => {
    const texte = (feuille.lignes[index][c] ?? '').replace(/\s+/g, ' ').trim();
    if (texte !== '') return texte;
    return donnees.some((d) => (d.valeurs[c] ?? '').trim() !== '') ? `Colonne ${lettresColonne(c)} (sans en-tête)` : '';
  });
  return {
    format,
    separateur: null,
    bom: false,
    entetes,
    lignes: donnees.map(({ numero, valeurs }) => ({ numero, valeurs: Array.from({ length: largeur }, (_, c) => valeurs[c] ?? '') })),
  };
}

/** Reads `octets`, the content of the file named `chemin`; throws FichierIllisible (French message) for what cannot be imported. */
export function lireFichier(chemin: string, octets: Uint8Array): FichierLu {
  const nom = chemin.split(/[\\/]/).pop() || chemin;
  const ext = extension(nom);
  if (octets.length === 0) throw new FichierIllisible('Le fichier est vide : aucune ligne d’en-tête ni de projet.');
  if (commencePar(octets, [0x50, 0x4b, 0x03, 0x04]) || commencePar(octets, [0x50, 0x4b, 0x05, 0x06])) {
    return lireClasseur(nom, octets, formatClasseur(nom, octets));
  }
  if (commencePar(octets, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE2: Excel 97–2003, or an XLSX protected by a password (encrypted into an OLE2 container).
    throw new FichierIllisible(
      `Le fichier « ${nom} » est au format Excel 97-2003 (.xls) ou protégé par un mot de passe : enregistrez-le au format .xlsx, .ods ou CSV UTF-8 (sans mot de passe) puis relancez l’import. ${RIEN}`,
    );
  }
  if (commencePar(octets, [0x25, 0x50, 0x44, 0x46])) {
    throw new FichierIllisible(`Le fichier « ${nom} » est un PDF, pas un tableau : importez un fichier CSV, XLSX ou ODS. ${RIEN}`);
  }
  if (ext === 'xlsx' || ext === 'ods' || ext === 'xls') {
    throw new FichierIllisible(`Le fichier « ${nom} » porte l’extension .${ext} mais n’est pas un classeur (fichier endommagé ou renommé). ${RIEN}`);
  }
  if (ext !== '' && ext !== 'csv' && ext !== 'txt') {
    throw new FichierIllisible(`Format de fichier non pris en charge (.${ext}) : importez un fichier CSV, XLSX ou ODS. ${RIEN}`);
  }
  return lireCsv(octets);
}
