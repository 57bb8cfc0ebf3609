/**
 * Normalisers of single cell values of an Interconnectés file. Pure; each returns what it kept and
 * leaves the reporting to its caller.
 */
import { chiffresSeuls, sirenValide, siretValide } from '../siren';
import { estUrlWeb } from '../validation';
import { cleTexte } from './texte';
import { sansAccents } from '../slug';

export type Siret =
  | { etat: 'absent' }
  | { etat: 'invalide'; chiffres: string; raison: string }
  /** `siret` is null when a SIREN alone was given or when the establishment number fails its key. */
  | { etat: 'valide'; siren: string; siret: string | null; chiffres: string };

/** SIRET (or SIREN) written any way → SIREN checked with its Luhn key, and the SIRET when it is valid too. */
export function normaliserSiret(valeur: string): Siret {
  const chiffres = chiffresSeuls(valeur);
  if (chiffres === '') return { etat: 'absent' };
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(chiffres)) {
    return { etat: 'invalide', chiffres: valeur.trim(), raison: 'écrit en notation scientifique par un tableur, des chiffres sont perdus' };
  }
  if (!/^\d+$/.test(chiffres) || (chiffres.length !== 14 && chiffres.length !== 9)) {
    return { etat: 'invalide', chiffres, raison: `${chiffres.length} caractères au lieu de 14 chiffres` };
  }
  const siren = chiffres.slice(0, 9);
  if (!sirenValide(siren)) return { etat: 'invalide', chiffres, raison: `clé de contrôle (Luhn) du SIREN ${siren} fausse` };
  return { etat: 'valide', siren, siret: chiffres.length === 14 && siretValide(chiffres) ? chiffres : null, chiffres };
}

const RE_MOIS_ANNEE = /^(\d{1,2})[/.-](\d{4})$/;
const RE_JOUR_MOIS_ANNEE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const RE_ISO = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const RE_ANNEE = /^(\d{4})$/;
const RE_MOIS_EN_LETTRES = /^(?:(\d{1,2})(?:er)?\s+)?([a-z]+)\.?\s+(\d{4})$/;

/** French month names and their usual abbreviations, without accents. */
const MOIS: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2,
  mars: 3, mar: 3,
  avril: 4, avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7, juil: 7,
  aout: 8,
  septembre: 9, sept: 9, sep: 9,
  octobre: 10, oct: 10,
  novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};

function iso(annee: number, mois: number, jour: number): string | null {
  if (mois < 1 || mois > 12 || jour < 1 || annee < 1900 || annee > 2100) return null;
  const date = new Date(Date.UTC(annee, mois - 1, jour));
  if (date.getUTCMonth() !== mois - 1) return null; // 31/02
  return date.toISOString().slice(0, 10);
}

export interface DateLue {
  /** ISO date AAAA-MM-JJ (day 1 when the source gives only the month, January 1st for a year alone) */
  iso: string;
  precision: 'jour' | 'mois' | 'annee';
  /** how a day/month order was decided, when the source could be read both ways or only the US way */
  lecture: string | null;
}

/**
 * A date as spreadsheets and people write it: MM/AAAA, MM-AAAA, AAAA, AAAA-MM(-JJ), J/M/AAAA or
 * M/J/AAAA, « mars 2023 », « janv. 2024 », « 15 mars 2023 ». J/M against M/J: when both readings are
 * possible the French J/M is assumed and said; when only one is, it is taken and said. Null when it is
 * not a real date.
 */
export function lireDate(valeur: string): DateLue | null {
  const texte = valeur.trim();
  let trouve = RE_MOIS_ANNEE.exec(texte);
  if (trouve) return avecIso(iso(Number(trouve[2]), Number(trouve[1]), 1), 'mois', null);
  trouve = RE_ANNEE.exec(texte);
  if (trouve) return avecIso(iso(Number(trouve[1]), 1, 1), 'annee', null);
  trouve = RE_ISO.exec(texte);
  if (trouve) return avecIso(iso(Number(trouve[1]), Number(trouve[2]), trouve[3] ? Number(trouve[3]) : 1), trouve[3] ? 'jour' : 'mois', null);
  trouve = RE_JOUR_MOIS_ANNEE.exec(texte);
  if (trouve) {
    const [a, b, annee] = [Number(trouve[1]), Number(trouve[2]), Number(trouve[3])];
    const francaise = iso(annee, b, a);
    const americaine = iso(annee, a, b);
    if (francaise && americaine && a !== b) {
      return avecIso(francaise, 'jour', `date ambiguë lue JJ/MM/AAAA (usage français) ; lue MM/JJ/AAAA elle serait le ${americaine}`);
    }
    if (francaise) return avecIso(francaise, 'jour', null);
    if (americaine) return avecIso(americaine, 'jour', `lue MM/JJ/AAAA (usage américain) : ${b} ne peut pas être un mois`);
    return null;
  }
  trouve = RE_MOIS_EN_LETTRES.exec(sansAccents(texte).toLowerCase());
  if (trouve && MOIS[trouve[2]] !== undefined) {
    const jour = trouve[1] ? Number(trouve[1]) : null;
    return avecIso(iso(Number(trouve[3]), MOIS[trouve[2]], jour ?? 1), jour ? 'jour' : 'mois', null);
  }
  return null;
}

function avecIso(date: string | null, precision: DateLue['precision'], lecture: string | null): DateLue | null {
  return date === null ? null : { iso: date, precision, lecture };
}

/** `lireDate` as an ISO date; with `premierDuMois`, the first day of its month. */
export function normaliserDate(valeur: string, premierDuMois: boolean): string | null {
  const lue = lireDate(valeur);
  if (!lue) return null;
  return premierDuMois ? `${lue.iso.slice(0, 8)}01` : lue.iso;
}

/** Multi-valued cells (« Agent, Élu », sub-themes, data sources): comma, semicolon or line break. */
export function decouperListe(valeur: string): string[] {
  return valeur
    .split(/[,;\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Cells that mean « no partner ». */
const SANS_PARTENAIRE = new Set(['', '/', '-', 'aucun', 'aucune', 'neant', 'na', 'n a', 'developpe en regie', 'en regie', 'regie']);

/** Cells that mean « partners unknown »: no offreur, the answer kept by the caller. */
export const PARTENAIRES_INCONNUS: ReadonlySet<string> = new Set(['nsp', 'ne sait pas', 'inconnu', 'inconnus', 'a preciser']);

/**
 * Hyphenated names that are one organisation, not two (the hyphen-separated lists of the source cannot
 * tell them apart). The importer adds the names of the offreurs already in the CMS.
 */
export const NOMS_COMPOSES: readonly string[] = ['Exo-Dev', 'Start-up'];

/** Place-name particles: « Noisy-le-Grand », « Saint-Denis », « Aix-en-Provence » are not lists. */
const PARTICULE = /^(le|la|les|l|sur|sous|en|de|du|des|d|et|les|lès|lez|aux|au|saint|sainte|st|ste)$/i;

export interface Partenaires {
  noms: string[];
  /** how the cell was read, for the report */
  regle: 'aucun' | 'virgules' | 'tirets' | 'un seul';
  /** anomalies worth a human look (unbalanced parenthesis…) */
  remarques: string[];
}

/** Splits on the separators that are outside parentheses (an unclosed one protects the rest of the cell). */
function decouperHorsParentheses(texte: string, separateurs: RegExp): { parties: string[]; nonFermee: boolean } {
  const parties: string[] = [];
  let profondeur = 0;
  let courante = '';
  for (const c of texte) {
    if (c === '(') profondeur += 1;
    if (c === ')') profondeur = Math.max(0, profondeur - 1);
    if (profondeur === 0 && separateurs.test(c)) {
      parties.push(courante);
      courante = '';
    } else {
      courante += c;
    }
  }
  parties.push(courante);
  return { parties, nonFermee: profondeur > 0 };
}

function decouperTirets(partie: string, composes: readonly string[]): string[] {
  const proteges = composes.filter((nom) => partie.toLowerCase().includes(nom.toLowerCase()));
  const morceaux = partie.split('-');
  const resultat: string[] = [morceaux[0]];
  for (const morceau of morceaux.slice(1)) {
    const precedent = resultat[resultat.length - 1];
    const dernierMot = precedent.trim().split(/[\s-]+/).pop() ?? '';
    const premierMot = morceau.trim().split(/\s+/)[0] ?? '';
    const joint = `${precedent}-${morceau}`;
    const dansUnNomCompose = proteges.some((nom) => {
      const debut = joint.toLowerCase().lastIndexOf(nom.toLowerCase());
      return debut >= 0 && debut + nom.length > precedent.length;
    });
    const collee = !/\s$/.test(precedent) && !/^\s/.test(morceau) && (PARTICULE.test(dernierMot) || PARTICULE.test(premierMot));
    if (dansUnNomCompose || collee) resultat[resultat.length - 1] = joint;
    else resultat.push(morceau);
  }
  return resultat;
}

/**
 * « A-B-C » (the source's usual form), « A, B, C » or one name per line → partner names, trimmed,
 * without duplicates. Hyphens separate names only when the cell uses no comma nor semicolon, and never
 * inside a known compound name or a place name; commas inside parentheses never separate.
 */
export function decouperPartenaires(valeur: string, composes: readonly string[] = NOMS_COMPOSES): Partenaires {
  const remarques: string[] = [];
  if (SANS_PARTENAIRE.has(cleTexte(valeur))) return { noms: [], regle: 'aucun', remarques };
  const { parties: lignes, nonFermee } = decouperHorsParentheses(valeur.trim(), /[,;\n]/);
  if (nonFermee) remarques.push('parenthèse non fermée : la fin de la cellule est gardée comme un seul nom');
  const avecVirgules = decouperHorsParentheses(valeur, /[,;]/).parties.length > 1;
  const noms: string[] = [];
  for (const ligne of lignes) {
    // « Atmo Auvergne-Rhône-Alpes - Université Grenoble Alpes »: spaced dashes separate, the others join.
    const espaces = /\s[-–]\s/.test(ligne);
    const morceaux = avecVirgules ? [ligne] : espaces ? ligne.split(/\s[-–]\s/) : decouperTirets(ligne, composes);
    for (const morceau of morceaux) {
      const nom = morceau.replace(/\s+/g, ' ').trim();
      if (nom !== '' && !noms.some((n) => cleTexte(n) === cleTexte(nom))) noms.push(nom);
    }
  }
  const regle = noms.length <= 1 ? 'un seul' : avecVirgules ? 'virgules' : 'tirets';
  return { noms, regle, remarques };
}

/** A web address, « www.… » completed with https://; anything else is not one. */
export function normaliserUrl(valeur: string): { url: string | null; complete: boolean } {
  const texte = valeur.trim();
  if (texte === '') return { url: null, complete: false };
  if (estUrlWeb(texte)) return { url: texte, complete: false };
  if (/^www\.[^\s]+\.[a-z]{2,}/i.test(texte) && estUrlWeb(`https://${texte}`)) return { url: `https://${texte}`, complete: true };
  return { url: null, complete: false };
}

/** Decimal number, comma or point; null when it is not one. */
export function normaliserNombre(valeur: string): number | null {
  const texte = valeur.trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(texte)) return null;
  return Number(texte);
}
