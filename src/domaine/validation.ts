/**
 * Schema-driven validation of document data, with French messages naming the field.
 * Pure: the Strapi glue (src/invariants) gives it the attributes, the data and the labels.
 */
import { normaliserSiren, siretValide, chiffresSeuls } from './siren';

export interface Attribut {
  type: string;
  required?: boolean;
  enum?: string[];
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
  repeatable?: boolean;
  component?: string;
  relation?: string;
  target?: string;
  multiple?: boolean;
  targetField?: string;
  [cle: string]: unknown;
}
export type Attributs = Record<string, Attribut>;

export interface ErreurChamp {
  chemin: string[];
  message: string;
}

export interface ContexteValidation {
  /** Attributes of a component, for nested data. */
  attributsComposant(uid: string): Attributs;
  /** Human label of a field path, e.g. ['evaluation', 'risqueCategorie'] → « Catégorie de risque ». */
  libelle(chemin: string[]): string;
  /**
   * Required fields are due (creation of a type without draft & publish, publication). Drafts may be
   * incomplete, as in Strapi's own editor.
   */
  exigerRequis: boolean;
}

const RE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Attributes holding a web address, whatever the content type or component. */
export const CHAMPS_URL = new Set(['url', 'lienInformation', 'siteWeb', 'logoUrl', 'lien']);

const RE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TYPES_TEXTE = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const TYPES_NOMBRE = new Set(['integer', 'biginteger', 'float', 'decimal']);
/** Largest absolute value each numeric column holds (PostgreSQL integer, bigint as a safe JS integer, decimal(10,2)). */
const BORNES_COLONNE: Record<string, number> = { integer: 2_147_483_647, biginteger: Number.MAX_SAFE_INTEGER, decimal: 99_999_999.99 };

export function estVide(valeur: unknown): boolean {
  if (valeur === undefined || valeur === null) return true;
  if (typeof valeur === 'string') return valeur.trim() === '';
  if (Array.isArray(valeur)) return valeur.length === 0;
  return false;
}

export function estUrlWeb(valeur: string): boolean {
  try {
    const url = new URL(valeur);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function dateValide(valeur: string): boolean {
  if (!RE_DATE.test(valeur)) return false;
  const date = new Date(`${valeur}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(valeur);
}

/**
 * Validates the fields present in `donnees` (and, with exigerRequis, the missing required ones).
 * Returns the errors and the data with identifiers normalised (SIRET reduced to SIREN, spaces removed).
 */
export function validerDonnees(
  attributs: Attributs,
  donnees: Record<string, unknown>,
  ctx: ContexteValidation,
  chemin: string[] = [],
  /** The document as it will be after the write, for the required-field check (defaults to `donnees`). */
  vue: Record<string, unknown> = donnees,
): { erreurs: ErreurChamp[]; donnees: Record<string, unknown> } {
  const erreurs: ErreurChamp[] = [];
  const normalisees: Record<string, unknown> = { ...donnees };

  for (const [nom, attribut] of Object.entries(attributs)) {
    const champ = [...chemin, nom];
    const present = Object.prototype.hasOwnProperty.call(donnees, nom);
    const valeur = donnees[nom];
    const erreur = (message: string) => erreurs.push({ chemin: champ, message: `Le champ « ${ctx.libelle(champ)} » (${champ.join('.')}) ${message}` });

    if (ctx.exigerRequis && attribut.required && estVide(vue[nom])) {
      erreur('est obligatoire.');
      continue;
    }
    if (!present || estVide(valeur)) continue;

    if (TYPES_TEXTE.has(attribut.type) && typeof valeur !== 'string') {
      erreur('doit être un texte.');
      continue;
    }

    switch (attribut.type) {
      case 'enumeration':
        if (!attribut.enum?.includes(valeur as string)) {
          erreur(`doit valoir l’une des valeurs suivantes : ${attribut.enum?.join(', ')} (reçu : « ${String(valeur)} »).`);
        }
        break;
      case 'email':
        if (!RE_EMAIL.test((valeur as string).trim())) erreur('doit être une adresse électronique valide.');
        break;
      case 'integer':
      case 'biginteger':
      case 'float':
      case 'decimal': {
        const nombre = typeof valeur === 'string' && valeur.trim() !== '' ? Number(valeur) : valeur;
        if (typeof nombre !== 'number' || !Number.isFinite(nombre)) {
          erreur('doit être un nombre.');
        } else if ((attribut.type === 'integer' || attribut.type === 'biginteger') && !Number.isInteger(nombre)) {
          erreur('doit être un nombre entier.');
        } else if (Math.abs(nombre) > (BORNES_COLONNE[attribut.type] ?? Number.MAX_VALUE)) {
          // Beyond its column (integer, decimal(10,2)), the database refuses the value with a 500.
          erreur(`doit être compris entre -${BORNES_COLONNE[attribut.type]} et ${BORNES_COLONNE[attribut.type]}.`);
        } else if (attribut.min !== undefined && nombre < attribut.min) {
          erreur(`doit être supérieur ou égal à ${attribut.min}.`);
        } else if (attribut.max !== undefined && nombre > attribut.max) {
          erreur(`doit être inférieur ou égal à ${attribut.max}.`);
        }
        break;
      }
      case 'date':
        if (typeof valeur !== 'string' || !dateValide(valeur)) erreur('doit être une date au format AAAA-MM-JJ.');
        break;
      case 'datetime':
        if (!(valeur instanceof Date) && (typeof valeur !== 'string' || Number.isNaN(Date.parse(valeur)))) {
          erreur('doit être une date et heure au format ISO 8601.');
        }
        break;
      case 'uid':
        if (!RE_SLUG.test(valeur as string)) {
          erreur('ne doit contenir que des lettres minuscules sans accent, des chiffres et des tirets (ex. « mon-projet-2024 »).');
        }
        break;
      case 'boolean':
        if (typeof valeur !== 'boolean') erreur('doit valoir true ou false.');
        break;
      case 'component': {
        const composant = ctx.attributsComposant(attribut.component as string);
        const elements = attribut.repeatable ? (Array.isArray(valeur) ? valeur : null) : [valeur];
        if (elements === null) {
          erreur('doit être une liste.');
          break;
        }
        const resultats = elements.map((element, index) => {
          if (typeof element !== 'object' || element === null || Array.isArray(element)) {
            erreurs.push({ chemin: champ, message: `Le champ « ${ctx.libelle(champ)} » (${champ.join('.')}) doit être un objet.` });
            return element;
          }
          const sousChemin = attribut.repeatable ? [...champ, String(index)] : champ;
          const r = validerDonnees(composant, element as Record<string, unknown>, ctx, sousChemin);
          erreurs.push(...r.erreurs);
          return r.donnees;
        });
        normalisees[nom] = attribut.repeatable ? resultats : resultats[0];
        break;
      }
      default:
        break;
    }

    if (typeof valeur === 'string' && TYPES_TEXTE.has(attribut.type)) {
      // Identifiers are normalised first: a SIRET written with spaces is a valid SIREN input.
      if (nom === 'siren' || nom === 'siret') {
        const identifiant = nom === 'siren' ? normaliserSiren(valeur) : chiffresSeuls(valeur);
        if (nom === 'siren' && identifiant === null) {
          erreur('doit être un numéro SIREN valide (9 chiffres dont la clé de contrôle) ou un SIRET dont il est extrait.');
        } else if (nom === 'siret' && !siretValide(identifiant as string)) {
          erreur('doit être un numéro SIRET valide (14 chiffres dont la clé de contrôle).');
        } else {
          normalisees[nom] = identifiant;
        }
        continue;
      }
      if (attribut.maxLength !== undefined && valeur.length > attribut.maxLength) {
        erreur(`ne doit pas dépasser ${attribut.maxLength} caractères (${valeur.length} reçus).`);
      }
      if (attribut.minLength !== undefined && valeur.length < attribut.minLength) {
        erreur(`doit compter au moins ${attribut.minLength} caractères.`);
      }
      if (CHAMPS_URL.has(nom) && !estUrlWeb(valeur.trim())) {
        erreur('doit être une adresse web commençant par http:// ou https://.');
      }
    }
  }
  return { erreurs, donnees: normalisees };
}
