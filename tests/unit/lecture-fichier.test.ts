import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { FichierIllisible, lireFichier, MAX_LIGNES } from '../../src/domaine/interconnectes/lecture-fichier';

const DATA_CSV = path.resolve(__dirname, '../../donnees/interconnectes/data.csv');
/**
 * Written without SheetJS: a ZIP made by Python's zipfile holding a content.xml laid out as LibreOffice
 * Calc writes it (a « Lisez-moi » sheet first; in « Projets », a merged title row above the header,
 * a SIRET as a float, a date cell with a JJ/MM/AAAA style, a two-paragraph cell, a blank row, a
 * value under no header, 1 016 repeated empty cells ending a row, and 1 048 570 repeated empty rows).
 */
const ODS_LIBREOFFICE = path.resolve(__dirname, '../fixtures/projets-libreoffice.ods');

const ENTETES = ['Nom_collectivite', 'Nom_du_projet', 'SIRET', 'Date_de_demarrage', 'Statut_du_projet', 'Description_service', 'Theme'];

/** A workbook written by the chosen library, as a spreadsheet program would save it. */
function classeur(bookType: 'xlsx' | 'ods', feuilles: Record<string, unknown[][]>, retoucher?: (feuille: XLSX.WorkSheet) => void): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [nom, lignes] of Object.entries(feuilles)) {
    const feuille = XLSX.utils.aoa_to_sheet(lignes, { cellDates: true, UTC: true });
    retoucher?.(feuille);
    XLSX.utils.book_append_sheet(wb, feuille, nom);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}

const LIGNE = ['Bordeaux Métropole', 'Stacoptim', 24330031600011, new Date(Date.UTC(2024, 0, 15)), 'En expérimentation', 'Première ligne\nDeuxième ligne', 'Transition écologique et énergétique'];

describe.each(['xlsx', 'ods'] as const)('classeur %s écrit par SheetJS', (format) => {
  it('lit les cellules comme l’utilisateur les voit : SIRET saisi en nombre, date, retours à la ligne', () => {
    const octets = classeur(format, { 'Feuille 1': [ENTETES, LIGNE, [], ['', '', '', '', '', '', '']] });
    const lu = lireFichier(`projets.${format}`, octets);
    expect(lu).toMatchObject({ format, separateur: null, bom: false, entetes: ENTETES });
    expect(lu.lignes).toEqual([{ numero: 2, valeurs: ['Bordeaux Métropole', 'Stacoptim', '24330031600011', '2024-01-15', 'En expérimentation', 'Première ligne\nDeuxième ligne', 'Transition écologique et énergétique'] }]);
  });

  it('choisit la feuille dont l’en-tête nomme des colonnes des Interconnectés, sous une ligne de titre', () => {
    const octets = classeur(format, { Notes: [['À lire'], ['Rien ici']], Projets: [['Inventaire 2025'], ENTETES, LIGNE] });
    const lu = lireFichier(`projets.${format}`, octets);
    expect(lu.entetes).toEqual(ENTETES);
    expect(lu.lignes.map((l) => [l.numero, l.valeurs[1]])).toEqual([[3, 'Stacoptim']]);
  });
});

it('XLSX : garde le format affiché d’un nombre mis en forme (SIRET commençant par zéro)', () => {
  const octets = classeur('xlsx', { F: [['SIRET', 'Nom_du_projet'], [1234567800012, 'P']] }, (f) => {
    (f['!data'] ? f['!data'][1][0] : f.A2).z = '00000000000000';
  });
  expect(lireFichier('s.xlsx', octets).lignes[0].valeurs[0]).toBe('01234567800012');
});

describe('classeur ODS produit par un autre outil', () => {
  const lu = lireFichier('projets-libreoffice.ods', readFileSync(ODS_LIBREOFFICE));

  it('prend la feuille « Projets », l’en-tête sous le titre fusionné, nomme la colonne sans en-tête', () => {
    expect(lu.format).toBe('ods');
    expect(lu.entetes).toEqual([...ENTETES, 'Latitude', 'Colonne I (sans en-tête)']);
  });

  it('lit le SIRET flottant en chiffres, la date en ISO, les paragraphes en lignes, saute les lignes vides', () => {
    expect(lu.lignes).toEqual([
      {
        numero: 3,
        valeurs: ['Bordeaux Métropole', 'Stacoptim', '24330031600011', '2024-01-15', 'En expérimentation', 'Première ligne\nDeuxième ligne', 'Transition écologique et énergétique', '44.8360737', 'note hors colonne'],
      },
      { numero: 5, valeurs: ['Ville de Metz', 'ViPARE', '20003986500106', '01/2024', 'En expérimentation', 'Description', 'Environnement', '', ''] },
    ]);
  });
});

describe('CSV et fichiers refusés', () => {
  it('lit le CSV comme lecture-csv (format csv, séparateur)', () => {
    const lu = lireFichier('data.csv', readFileSync(DATA_CSV));
    expect(lu).toMatchObject({ format: 'csv', separateur: ',' });
    expect(lu.lignes).toHaveLength(33);
  });

  const refus = (nom: string, octets: Uint8Array | Buffer) => {
    try {
      lireFichier(nom, octets);
    } catch (erreur) {
      expect(erreur).toBeInstanceOf(FichierIllisible);
      return (erreur as Error).message;
    }
    throw new Error(`${nom} accepté`);
  };

  it('refuse, en français, un .xls, un PDF renommé .csv, un format inconnu, un .xlsx qui n’en est pas un', () => {
    expect(refus('ancien.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toMatch(/Excel 97-2003 \(\.xls\).*\.xlsx, \.ods ou CSV/);
    expect(refus('projets.csv', Buffer.from('%PDF-1.7\n1 0 obj'))).toMatch(/est un PDF, pas un tableau/);
    expect(refus('projets.json', Buffer.from('{"a":1}'))).toMatch(/Format de fichier non pris en charge \(\.json\)/);
    expect(refus('projets.xlsx', Buffer.from('Nom_du_projet,Theme\n'))).toMatch(/porte l’extension \.xlsx mais n’est pas un classeur/);
    expect(refus('vide.ods', Buffer.alloc(0))).toMatch(/est vide/);
    expect(refus('/tmp/dossier/ancien.xls', Buffer.from('%PDF-1.4'))).toMatch(/^Le fichier « ancien.xls » est un PDF/);
  });

  it('refuse une archive ZIP tronquée ou qui n’est pas un classeur', () => {
    const xlsx = classeur('xlsx', { F: [ENTETES, LIGNE] });
    expect(refus('coupe.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2)))).toMatch(/archive ZIP endommagée/);
    const zip = new Uint8Array(XLSX.CFB.write(Object.assign(XLSX.CFB.utils.cfb_new(), {}), { type: 'buffer', fileType: 'zip' }) as Buffer);
    expect(refus('archive.xlsx', zip)).toMatch(/ni un classeur XLSX ni un classeur ODS|archive ZIP endommagée/);
  });

  it('refuse une feuille trop longue au lieu de la couper', () => {
    const lignes = Array.from({ length: MAX_LIGNES + 1 }, (_, i) => [`Projet ${i}`, 'Lyon']);
    const message = refus('long.xlsx', classeur('xlsx', { Projets: [['Nom_du_projet', 'Nom_collectivite'], ...lignes] }));
    expect(message).toMatch(new RegExp(`compte ${MAX_LIGNES + 1} lignes de projets : au plus ${MAX_LIGNES}`));
  });

  it('refuse une archive dont le contenu décompressé est démesuré (bombe ZIP)', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'xl/worksheets/sheet1.xml', Buffer.alloc(120 * 1024 * 1024, 0x20));
    const bombe = new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'zip', compression: true }) as Buffer);
    expect(bombe.length).toBeLessThan(10 * 1024 * 1024); // passes the upload limit
    expect(refus('bombe.xlsx', bombe)).toMatch(/Mo une fois décompressé/);
  });
});

it('des cellules vides en fin de ligne (chaînes vides de formules) n’élargissent pas la feuille', () => {
  const vides = Array.from({ length: 300 }, () => '');
  const octets = classeur('xlsx', { Projets: [[...ENTETES, ...vides], [...LIGNE, ...vides]] });
  const lu = lireFichier('larges.xlsx', octets);
  expect(lu.entetes).toEqual(ENTETES);
  expect(lu.lignes[0].valeurs).toHaveLength(ENTETES.length);
});
