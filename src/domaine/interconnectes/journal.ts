/**
 * What the normalisers of a row share: its cells, and what they report about it (normalisations,
 * warnings, errors, the import notes). Pure.
 */
import { texteSurUneLigne } from './texte';
import { decouperListe, lireDate } from './valeurs';
import { ambiguite, libelleExport, resoudre, type Resolution, type Vocabulaire } from './vocabulaire';

export interface Normalisation {
  colonne: string;
  source: string;
  retenu: string;
  regle: string;
}
export interface Anomalie {
  colonne: string;
  valeur: string;
  message: string;
}

/** What the block normalisers share: the row, and what they report. */
export class Journal {
  readonly normalisations: Normalisation[] = [];
  readonly avertissements: Anomalie[] = [];
  readonly erreurs: Anomalie[] = [];
  readonly notes: string[] = [];
  aReprendre = false;

  constructor(
    private readonly cellules: Readonly<Record<string, string>>,
    /** hyphenated offreur names never split as « A-B » lists */
    readonly composes?: readonly string[],
  ) {}

  present(colonne: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.cellules, colonne);
  }
  brut(colonne: string): string {
    return this.cellules[colonne] ?? '';
  }
  /** The first of the columns that has a value (an extended column refines the strict one). */
  premiere(...colonnes: string[]): string | undefined {
    return colonnes.find((c) => this.brut(c).trim() !== '') ?? colonnes.find((c) => this.present(c));
  }
  noter(colonne: string, source: string, retenu: string, regle: string): void {
    this.normalisations.push({ colonne, source, retenu, regle });
  }
  avertir(colonne: string, valeur: string, message: string): void {
    this.avertissements.push({ colonne, valeur, message });
  }
  /**
   * A value no field can hold: kept verbatim in the import notes, and said. `aReprendre`: the field it was
   * meant for is left empty or incomplete (a value outside a list), so the projet waits for a modérateur
   * even with --publier; otherwise the note only informs (text instead of a link, a ressource to create).
   */
  garder(colonne: string, valeur: string, message: string, aReprendre = true): void {
    this.avertir(colonne, valeur, `${message} : gardée dans les notes d’import`);
    this.notes.push(`${colonne} : ${valeur}`);
    if (aReprendre) this.aReprendre = true;
  }

  /** Free text: line breaks and runs of spaces kept as they are except at both ends. */
  texte(colonne: string): string | null {
    const source = this.brut(colonne);
    const valeur = source.trim();
    if (valeur !== '' && valeur !== source) this.noter(colonne, source, valeur, 'espaces de début et de fin retirés');
    return valeur === '' ? null : valeur;
  }
  /** A one-line value (names): inner line breaks and double spaces are typing accidents. */
  ligneSimple(colonne: string): string {
    const source = this.brut(colonne);
    const valeur = texteSurUneLigne(source);
    if (valeur !== source.trim()) this.noter(colonne, source, valeur, 'retours à la ligne et espaces multiples remplacés par une espace');
    return valeur;
  }

  /** A label of a vocabulary → CMS value; unknown or ambiguous: null, the value kept in the notes. */
  terme(vocabulaire: Vocabulaire, colonne: string, valeur: string): string | null {
    const resolu = resoudre(vocabulaire, valeur);
    if (!resolu) {
      // « Vision par ordinateur (YOLOv8) »: the value, and a detail no field holds.
      const sansPrecision = valeur.replace(/\s*\([^()]*\)\s*$/, '').trim();
      const principal = sansPrecision !== valeur.trim() && sansPrecision !== '' ? resoudre(vocabulaire, sansPrecision) : undefined;
      if (principal) {
        this.noter(colonne, valeur, principal.terme.valeur, 'précision entre parenthèses gardée dans les notes d’import');
        this.garder(colonne, valeur, `« ${sansPrecision} » retenu, la précision n’a pas de champ`, false);
        return principal.terme.valeur;
      }
      this.inconnu(vocabulaire, colonne, valeur);
      return null;
    }
    this.noterResolution(vocabulaire, colonne, valeur, resolu);
    return resolu.terme.valeur;
  }
  inconnu(vocabulaire: Vocabulaire, colonne: string, valeur: string, aReprendre = true): void {
    const ambigu = ambiguite(vocabulaire, valeur);
    if (ambigu) {
      this.garder(colonne, valeur, `valeur ambiguë « ${valeur} » (${ambigu.candidats.join(' ou ')} : ${ambigu.raison}), champ laissé vide`, aReprendre);
    } else {
      const reconnues = vocabulaire.termes.map((t) => t.libelles[0]).filter(Boolean);
      this.garder(colonne, valeur, `valeur inconnue « ${valeur} », champ laissé vide (valeurs reconnues : ${reconnues.join(', ')})`, aReprendre);
    }
  }
  /** Listed whenever the value will not come back out as it went in (open-data export, schema vocabulary). */
  noterResolution(vocabulaire: Vocabulaire, colonne: string, valeur: string, resolu: Resolution): void {
    const exporte = libelleExport(vocabulaire, resolu.terme.valeur);
    if (valeur.trim() !== exporte) {
      this.noter(colonne, valeur, resolu.terme.valeur, exporte === null ? 'sans équivalent dans le vocabulaire du schéma : non exporté' : `exporté « ${exporte} »`);
    }
  }
  enumeration(vocabulaire: Vocabulaire, colonne: string): string | null {
    const valeur = this.brut(colonne).trim();
    return valeur === '' ? null : this.terme(vocabulaire, colonne, valeur);
  }
  /** A multi-valued cell; a label holding a comma (« Citoyenneté, santé et solidarité ») is not split. */
  liste(
    vocabulaire: Vocabulaire,
    colonne: string,
    lire: (valeur: string) => string | null = (v) => this.terme(vocabulaire, colonne, v),
    connu: (valeur: string) => boolean = (v) => resoudre(vocabulaire, v) !== undefined,
  ): string[] {
    const source = this.brut(colonne);
    const resolus = decouperEnLibelles(source, connu)
      .map(lire)
      .filter((v): v is string => v !== null);
    const uniques = [...new Set(resolus)];
    if (uniques.length < resolus.length) this.noter(colonne, source, uniques.join(', '), 'valeurs en double retirées');
    return uniques;
  }
}

/** Splits a list cell, joining back neighbours that together form a known label. */
function decouperEnLibelles(valeur: string, connu: (libelle: string) => boolean): string[] {
  const morceaux = decouperListe(valeur);
  const resultat: string[] = [];
  for (let i = 0; i < morceaux.length; ) {
    let pris = 1;
    for (let j = morceaux.length; j > i + 1; j -= 1) {
      if (connu(morceaux.slice(i, j).join(', '))) {
        pris = j - i;
        break;
      }
    }
    resultat.push(morceaux.slice(i, i + pris).join(', '));
    i += pris;
  }
  return resultat;
}

/** A value publication requires, left empty by a column the file has: said, the projet stays an incomplete draft. */
export function requise(j: Journal, colonne: string, valeur: unknown): void {
  if (j.present(colonne) && (valeur === null || valeur === undefined) && j.brut(colonne).trim() === '') {
    j.avertir(colonne, '', 'valeur obligatoire pour publier absente : le projet reste un brouillon incomplet, à compléter');
  }
}

/** A date cell, ISO; `mois`: the projet keeps a month (the first day of it). */
export function date(j: Journal, colonne: string, precision: 'mois' | 'jour'): string | null {
  const source = j.brut(colonne).trim();
  if (source === '') return null;
  const lue = lireDate(source);
  if (!lue) {
    j.garder(colonne, source, 'date illisible (formats reconnus : MM/AAAA, JJ/MM/AAAA, AAAA-MM-JJ, AAAA, « mars 2023 »), laissée vide', precision === 'mois');
    return null;
  }
  if (lue.lecture) j.noter(colonne, source, lue.iso, lue.lecture);
  if (lue.precision === 'annee') {
    // The month is unknown: kept in the notes for the editor to decide it.
    if (precision === 'mois') j.garder(colonne, source, `année seule, mois inconnu : ramenée à janvier ${source}`);
    j.noter(colonne, source, lue.iso, 'année seule : ramenée au 1er janvier');
    return lue.iso;
  }
  if (precision === 'mois' && lue.precision === 'jour') {
    const mois = `${lue.iso.slice(0, 8)}01`;
    if (mois !== lue.iso) j.noter(colonne, source, mois, 'date ramenée au premier jour du mois');
    return mois;
  }
  if (/[a-z]/i.test(source) && !/^\d{4}-\d{2}-\d{2}T/.test(source)) j.noter(colonne, source, lue.iso, 'mois écrit en toutes lettres');
  return lue.iso;
}
