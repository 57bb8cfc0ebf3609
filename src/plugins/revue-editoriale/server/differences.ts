/**
 * What changed in a document between two versions (a submission's snapshot, the published version,
 * the draft), field by field, in the words an agent reads. Pure: the schemas and labels are given.
 *
 * A snapshot keeps codes (enumeration values) and titles (relations, media): comparing codes is stable
 * when the French words change, and a relation reads by its title even after the target is deleted.
 */
import { isDeepStrictEqual } from 'util';
import type { Etat } from './machine';
import type { ReglesRevue } from './regles';

export type Valeur = null | string | number | boolean | Valeur[] | { [cle: string]: Valeur };
export type Instantane = { [champ: string]: Valeur };

export interface Attribut {
  type: string;
  component?: string;
  repeatable?: boolean;
  required?: boolean;
  /** false: a value the application computes (modifications.ts), never a change of content. */
  writable?: boolean;
}

/** The content types' attributes and the application's rules (regles.ts). */
export interface Schemas extends Pick<ReglesRevue, 'libelleValeur' | 'manquantsPourPublier'> {
  attributs(modele: string): Record<string, Attribut>;
  /** Label of a field of a content type or component, as in the edit view. */
  libelle(modele: string, champ: string): string;
}

export interface Changement {
  champ: string;
  libelle: string;
  avant: string;
  apres: string;
}

/** Fields that are Strapi's bookkeeping or the review's own state, never a change of content. */
const TECHNIQUES = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'etatRevue']);
/** Attribute read as the title of a related entry or file, first found wins. */
const TITRES = ['nom', 'titre', 'label', 'libelle', 'name', 'email', 'documentId'];
const VIDE = '(vide)';
const LONGUEUR_MAX = 400;

type Ligne = Record<string, unknown>;

function titre(entree: unknown): string {
  if (entree === null || typeof entree !== 'object') return String(entree);
  const cle = TITRES.find((c) => typeof (entree as Ligne)[c] === 'string' && (entree as Ligne)[c] !== '');
  return cle ? String((entree as Ligne)[cle]) : '';
}

function scalaire(valeur: unknown): Valeur {
  if (valeur === undefined || valeur === null || valeur === '') return null;
  if (valeur instanceof Date) return valeur.toISOString();
  if (typeof valeur === 'string' || typeof valeur === 'number' || typeof valeur === 'boolean') return valeur;
  return JSON.parse(JSON.stringify(valeur)) as Valeur; // json and blocks: plain data
}

function normaliser(schemas: Schemas, attribut: Attribut, valeur: unknown): Valeur {
  switch (attribut.type) {
    case 'relation':
    case 'media': {
      const entrees = Array.isArray(valeur) ? valeur : valeur ? [valeur] : [];
      // The order of a relation is not something agents edit: sorted, a reload never reads as a change.
      return entrees.map(titre).sort((a, b) => a.localeCompare(b, 'fr'));
    }
    case 'component': {
      const un = (v: unknown): Valeur => (v && typeof v === 'object' ? instantane(schemas, attribut.component as string, v as Ligne) : null);
      return attribut.repeatable ? (Array.isArray(valeur) ? valeur : []).map(un) : un(valeur);
    }
    case 'dynamiczone':
      return (Array.isArray(valeur) ? valeur : []).map((v: Ligne) => ({ __component: String(v.__component), ...instantane(schemas, String(v.__component), v) }));
    case 'integer':
    case 'biginteger':
    case 'float':
    case 'decimal':
      return valeur === null || valeur === undefined || valeur === '' ? null : Number(valeur);
    default:
      return scalaire(valeur);
  }
}

/** A stored version (relations, media and components populated) as comparable values. */
export function instantane(schemas: Schemas, modele: string, ligne: Ligne): Instantane {
  const resultat: Instantane = {};
  for (const [champ, attribut] of Object.entries(schemas.attributs(modele))) {
    if (TECHNIQUES.has(champ) || attribut.type === 'password' || attribut.writable === false) continue;
    resultat[champ] = normaliser(schemas, attribut, ligne[champ]);
  }
  return resultat;
}

function estVide(valeur: Valeur | undefined): boolean {
  return valeur === null || valeur === undefined || (Array.isArray(valeur) && valeur.length === 0);
}

/** Text of rich-text blocks: the words, one paragraph a line. */
function texteBlocs(noeud: unknown): string {
  if (Array.isArray(noeud)) return noeud.map(texteBlocs).filter((t) => t !== '').join('\n');
  if (noeud && typeof noeud === 'object') {
    const { text, children } = noeud as { text?: unknown; children?: unknown };
    if (typeof text === 'string') return text;
    if (Array.isArray(children)) return children.map(texteBlocs).join('');
  }
  return '';
}

function couper(texte: string): string {
  return texte.length > LONGUEUR_MAX ? `${texte.slice(0, LONGUEUR_MAX)}…` : texte;
}

/** French words for a value: enumeration codes become their words, booleans Oui/Non, a component its filled fields. */
export function texte(schemas: Schemas, modele: string, champ: string, valeur: Valeur | undefined): string {
  if (estVide(valeur)) return VIDE;
  const attribut = schemas.attributs(modele)[champ] ?? { type: 'string' };
  switch (attribut.type) {
    case 'enumeration':
      return schemas.libelleValeur(modele, champ, String(valeur));
    case 'boolean':
      return valeur ? 'Oui' : 'Non';
    case 'relation':
    case 'media':
      return (valeur as string[]).join(', ');
    case 'blocks':
      return couper(texteBlocs(valeur));
    case 'component': {
      const composant = attribut.component as string;
      const un = (v: Valeur) => texteComposant(schemas, composant, v as Instantane);
      return attribut.repeatable ? (valeur as Valeur[]).map((v, i) => `${i + 1}. ${un(v)}`).join('\n') : un(valeur as Valeur);
    }
    case 'dynamiczone':
      return (valeur as Instantane[]).map((v, i) => `${i + 1}. ${texteComposant(schemas, String(v.__component), v)}`).join('\n');
    case 'json':
      return couper(JSON.stringify(valeur));
    default:
      return couper(String(valeur));
  }
}

function texteComposant(schemas: Schemas, composant: string, valeur: Instantane | null): string {
  if (!valeur) return VIDE;
  const remplis = Object.keys(schemas.attributs(composant)).filter((c) => !TECHNIQUES.has(c) && !estVide(valeur[c]));
  if (remplis.length === 0) return VIDE;
  return remplis.map((c) => `${schemas.libelle(composant, c)} : ${texte(schemas, composant, c, valeur[c])}`).join(' ; ');
}

/** The fields whose value differs, in the schema's order, with their French label and both values in words. */
export function comparer(schemas: Schemas, modele: string, avant: Instantane, apres: Instantane): Changement[] {
  return Object.keys(schemas.attributs(modele))
    .filter((champ) => champ in avant || champ in apres)
    .filter((champ) => !isDeepStrictEqual(avant[champ] ?? null, apres[champ] ?? null))
    .filter((champ) => !(estVide(avant[champ]) && estVide(apres[champ])))
    .map((champ) => ({
      champ,
      libelle: schemas.libelle(modele, champ),
      avant: texte(schemas, modele, champ, avant[champ]),
      apres: texte(schemas, modele, champ, apres[champ]),
    }));
}

export interface Soumission {
  date: string;
  instantane: Instantane;
}

/**
 * The submission a reader compares the draft with. While the document is in review, the latest
 * submission started the current round: the reader wants what changed since the round before.
 * Otherwise (the contributeur is editing) it is the latest submission.
 */
export function soumissionDeReference(etat: Etat, soumissions: readonly Soumission[]): Soumission | null {
  const enRevue = etat === 'en_validation' || etat === 'en_moderation';
  return soumissions[soumissions.length - (enRevue ? 2 : 1)] ?? null;
}
