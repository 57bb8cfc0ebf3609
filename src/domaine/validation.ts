/**
 * Schema-driven validation of document data, with French messages naming the field.
 * Pure: the Strapi glue (src/documents/invariants.ts) gives it the attributes, the data and the labels.
 */
import { estVide, IDENTIFIANTS } from './regles-metier';

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
export const CHAMPS_URL = new Set(['url', 'lienInformation', 'lienDeliberation', 'siteWeb', 'logoUrl', 'lien']);

export const RE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TYPES_TEXTE = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
/** Largest absolute value each numeric column holds (PostgreSQL integer, bigint as a safe JS integer, decimal(10,2)). */
const BORNES_COLONNE: Record<string, number> = { integer: 2_147_483_647, biginteger: Number.MAX_SAFE_INTEGER, decimal: 99_999_999.99 };

export function estUrlWeb(valeur: string): boolean {
  try {
    const url = new URL(valeur);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A calendar date written AAAA-MM-JJ (as Strapi stores a `date` attribute). */
export function dateValide(valeur: string): boolean {
  if (!RE_DATE.test(valeur)) return false;
  const date = new Date(`${valeur}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(valeur);
}

/** One field being validated: where it is, how to refuse it, how to replace its value in the data returned. */
interface Champ {
  nom: string;
  chemin: string[];
  attribut: Attribut;
  ctx: ContexteValidation;
  refuser(message: string): void;
  /** Errors of nested data (components), already worded. */
  ajouter(erreurs: ErreurChamp[]): void;
  remplacer(valeur: unknown): void;
}

/** Checks a present, non-empty value of one attribute type (text types: a string, already checked). */
type Validateur = (valeur: unknown, champ: Champ) => void;

const nombre: Validateur = (valeur, { attribut, refuser }) => {
  const lu = typeof valeur === 'string' && valeur.trim() !== '' ? Number(valeur) : valeur;
  if (typeof lu !== 'number' || !Number.isFinite(lu)) {
    refuser('doit être un nombre.');
  } else if ((attribut.type === 'integer' || attribut.type === 'biginteger') && !Number.isInteger(lu)) {
    refuser('doit être un nombre entier.');
  } else if (Math.abs(lu) > (BORNES_COLONNE[attribut.type] ?? Number.MAX_VALUE)) {
    // Beyond its column (integer, decimal(10,2)), the database refuses the value with a 500.
    refuser(`doit être compris entre -${BORNES_COLONNE[attribut.type]} et ${BORNES_COLONNE[attribut.type]}.`);
  } else if (attribut.min !== undefined && lu < attribut.min) {
    refuser(`doit être supérieur ou égal à ${attribut.min}.`);
  } else if (attribut.max !== undefined && lu > attribut.max) {
    refuser(`doit être inférieur ou égal à ${attribut.max}.`);
  }
};

/** A component, or a list of them (repeatable): each validated against its own attributes, with its path. */
const composant: Validateur = (valeur, { chemin, attribut, ctx, refuser, ajouter, remplacer }) => {
  const attributs = ctx.attributsComposant(attribut.component as string);
  const elements = attribut.repeatable ? (Array.isArray(valeur) ? valeur : null) : [valeur];
  if (elements === null) {
    refuser('doit être une liste.');
    return;
  }
  const resultats = elements.map((element, index) => {
    if (typeof element !== 'object' || element === null || Array.isArray(element)) {
      refuser('doit être un objet.');
      return element;
    }
    const sousChemin = attribut.repeatable ? [...chemin, String(index)] : chemin;
    const r = validerDonnees(attributs, element as Record<string, unknown>, ctx, sousChemin);
    ajouter(r.erreurs);
    return r.donnees;
  });
  remplacer(attribut.repeatable ? resultats : resultats[0]);
};

/** The check of each attribute type; a type absent here (relation, media, json…) is not checked. */
const VALIDATEURS_PAR_TYPE: Readonly<Record<string, Validateur>> = {
  enumeration: (valeur, { attribut, refuser }) => {
    if (!attribut.enum?.includes(valeur as string)) {
      refuser(`doit valoir l’une des valeurs suivantes : ${attribut.enum?.join(', ')} (reçu : « ${String(valeur)} »).`);
    }
  },
  email: (valeur, { refuser }) => {
    if (!RE_EMAIL.test((valeur as string).trim())) refuser('doit être une adresse électronique valide.');
  },
  integer: nombre,
  biginteger: nombre,
  float: nombre,
  decimal: nombre,
  date: (valeur, { refuser }) => {
    if (typeof valeur !== 'string' || !dateValide(valeur)) refuser('doit être une date au format AAAA-MM-JJ.');
  },
  datetime: (valeur, { refuser }) => {
    if (!(valeur instanceof Date) && (typeof valeur !== 'string' || Number.isNaN(Date.parse(valeur)))) {
      refuser('doit être une date et heure au format ISO 8601.');
    }
  },
  uid: (valeur, { refuser }) => {
    if (!RE_SLUG.test(valeur as string)) {
      refuser('ne doit contenir que des lettres minuscules sans accent, des chiffres et des tirets (ex. « mon-projet-2024 »).');
    }
  },
  boolean: (valeur, { refuser }) => {
    if (typeof valeur !== 'boolean') refuser('doit valoir true ou false.');
  },
  component: composant,
};

/** What every text is checked for once its type is: an identifier's form (business rules), length, web address. */
function verifierTexte(valeur: string, { nom, attribut, refuser, remplacer }: Champ): void {
  // Identifiers are normalised first: a SIRET written with spaces is a valid SIREN input.
  const identifiant = IDENTIFIANTS.get(nom);
  if (identifiant) {
    const normalise = identifiant.normaliser(valeur);
    if (normalise === null) refuser(identifiant.refus);
    else remplacer(normalise);
    return;
  }
  if (attribut.maxLength !== undefined && valeur.length > attribut.maxLength) {
    refuser(`ne doit pas dépasser ${attribut.maxLength} caractères (${valeur.length} reçus).`);
  }
  if (attribut.minLength !== undefined && valeur.length < attribut.minLength) {
    refuser(`doit compter au moins ${attribut.minLength} caractères.`);
  }
  if (CHAMPS_URL.has(nom) && !estUrlWeb(valeur.trim())) {
    refuser('doit être une adresse web commençant par http:// ou https://.');
  }
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
    const champ: Champ = {
      nom,
      chemin: [...chemin, nom],
      attribut,
      ctx,
      refuser: (message) => erreurs.push({ chemin: champ.chemin, message: `Le champ « ${ctx.libelle(champ.chemin)} » (${champ.chemin.join('.')}) ${message}` }),
      ajouter: (imbriquees) => erreurs.push(...imbriquees),
      remplacer: (valeur) => {
        normalisees[nom] = valeur;
      },
    };
    const present = Object.prototype.hasOwnProperty.call(donnees, nom);
    const valeur = donnees[nom];

    if (ctx.exigerRequis && attribut.required && estVide(vue[nom])) {
      champ.refuser('est obligatoire.');
      continue;
    }
    if (!present || estVide(valeur)) continue;

    const texte = TYPES_TEXTE.has(attribut.type);
    if (texte && typeof valeur !== 'string') {
      champ.refuser('doit être un texte.');
      continue;
    }
    VALIDATEURS_PAR_TYPE[attribut.type]?.(valeur, champ);
    if (texte) verifierTexte(valeur as string, champ);
  }
  return { erreurs, donnees: normalisees };
}
