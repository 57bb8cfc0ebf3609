/**
 * Hostile or malformed input, refused before it reaches the database: a bad value is a 400 with a
 * French message naming the parameter, never a 500 (the database would reject it, with SQL in the log).
 * Pure: the Strapi glue (`middlewares/entrees.ts`) gives it the request and the models.
 */

import type { Attribut } from './forme-requete';

/** A refused input: the parameter (query key, body path, header) and the French message. */
export interface Refus {
  parametre: string;
  message: string;
}

export interface ModeleEntrees {
  attributes: Record<string, Attribut>;
}
export type ObtenirModele = (uid: string) => ModeleEntrees | undefined;

/** Bounds of the checks below (exported for the tests and the middleware's configuration). */
export const LIMITES = {
  /** values of `$in` / `$notIn`: beyond, a list of ids is a scan, not a filter */
  valeursListeMax: 100,
  /** nesting of a JSON body or of a GraphQL variables object */
  profondeurJsonMax: 64,
} as const;

/** PostgreSQL `integer` (Strapi's integer attributes and ids). */
const ENTIER_MAX = 2_147_483_647;

type Genre = 'entier' | 'grandEntier' | 'nombre' | 'date' | 'dateHeure' | 'heure' | 'booleen' | 'texte' | 'autre';

const GENRES: Record<string, Genre> = {
  integer: 'entier',
  biginteger: 'grandEntier',
  float: 'nombre',
  decimal: 'nombre',
  date: 'date',
  datetime: 'dateHeure',
  timestamp: 'dateHeure',
  time: 'heure',
  boolean: 'booleen',
  string: 'texte',
  text: 'texte',
  richtext: 'texte',
  email: 'texte',
  uid: 'texte',
  enumeration: 'texte',
  password: 'texte',
};

/** Operators whose value Strapi casts to the attribute's type (a bad value throws in the database layer). */
const OPERATEURS_TYPES = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$notIn', '$between']);
/** Text operators: LIKE on a number, a date or a boolean fails on PostgreSQL. */
const OPERATEURS_TEXTE = new Set(['$eqi', '$nei', '$startsWith', '$endsWith', '$startsWithi', '$endsWithi', '$contains', '$notContains', '$containsi', '$notContainsi']);
const OPERATEURS_NULS = new Set(['$null', '$notNull']);
const OPERATEURS_LISTE = new Set(['$in', '$notIn']);
const OPERATEURS_LOGIQUES = new Set(['$and', '$or', '$not']);
/** Operators of the content API (Strapi's `$jsonSupersetOf` is internal: it fails on text columns). */
const OPERATEURS_PUBLICS = new Set([...OPERATEURS_TYPES, ...OPERATEURS_TEXTE, ...OPERATEURS_NULS, ...OPERATEURS_LOGIQUES]);

function operateurInconnu(chemin: string, operateur: string): Refus {
  return {
    parametre: chemin,
    message: `Le paramètre « ${chemin} » est refusé : « ${operateur} » n’est pas un opérateur de filtre (opérateurs acceptés : ${[...OPERATEURS_PUBLICS].join(', ')}).`,
  };
}

const RE_NOMBRE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const RE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RE_DATE_HEURE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const RE_HEURE = /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const BOOLEENS = new Set(['true', 'false', '1', '0']);

const DESCRIPTION: Record<Genre, string> = {
  entier: `un nombre entier entre -${ENTIER_MAX} et ${ENTIER_MAX}`,
  grandEntier: 'un nombre entier',
  nombre: 'un nombre',
  date: 'une date au format AAAA-MM-JJ',
  dateHeure: 'une date et heure au format ISO 8601',
  heure: 'une heure au format HH:MM(:SS)',
  booleen: 'true ou false',
  texte: 'un texte',
  autre: 'une valeur simple',
};

function dateExiste(texte: string): boolean {
  const jour = texte.slice(0, 10);
  const date = new Date(`${jour}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(jour);
}

/** Whether a filter value fits the attribute's type (as Strapi's database layer will cast it). */
export function valeurConforme(genre: Genre, valeur: unknown): boolean {
  if (valeur === null) return true;
  if (typeof valeur === 'object') return false;
  const texte = String(valeur).trim();
  switch (genre) {
    case 'entier':
    case 'grandEntier':
    case 'nombre': {
      if (typeof valeur !== 'number' && (typeof valeur !== 'string' || !RE_NOMBRE.test(texte))) return false;
      const nombre = Number(texte);
      if (!Number.isFinite(nombre)) return false;
      if (genre === 'entier') return Number.isInteger(nombre) && Math.abs(nombre) <= ENTIER_MAX;
      if (genre === 'grandEntier') return Number.isSafeInteger(nombre);
      return true;
    }
    case 'date':
      return RE_DATE_HEURE.test(texte) && dateExiste(texte) && (RE_DATE.test(texte) || !Number.isNaN(Date.parse(texte)));
    case 'dateHeure':
      return RE_DATE_HEURE.test(texte) && dateExiste(texte) && !Number.isNaN(Date.parse(texte.replace(' ', 'T')));
    case 'heure':
      return RE_HEURE.test(texte);
    case 'booleen':
      return typeof valeur === 'boolean' || BOOLEENS.has(texte);
    default:
      return true;
  }
}

/** The elements of a list parameter: an array, qs's object past its array limit ({0: …, 1: …}), or one value. */
function elements(valeur: unknown): unknown[] {
  if (Array.isArray(valeur)) return valeur;
  if (valeur !== null && typeof valeur === 'object') return Object.values(valeur);
  return [valeur];
}

const cle = (chemin: string, nom: string) => `${chemin}[${nom}]`;

/**
 * The first refused condition of a `filters` parameter of content type `uid`, or null. Checks the
 * values of the operators against the attribute's type, through relations and components, and refuses
 * unknown operators; unknown attributes are left to Strapi's own query validation (which answers 400).
 */
export function verifierFiltres(filtres: unknown, uid: string, obtenirModele: ObtenirModele, chemin = 'filters'): Refus | null {
  if (filtres === undefined || filtres === null || filtres === '') return null;
  if (Array.isArray(filtres)) {
    for (const [index, element] of filtres.entries()) {
      const refus = verifierFiltres(element, uid, obtenirModele, cle(chemin, String(index)));
      if (refus) return refus;
    }
    return null;
  }
  if (typeof filtres !== 'object') {
    return { parametre: chemin, message: `Le paramètre « ${chemin} » doit être un objet de conditions, par exemple ${chemin}[nom][$eq]=… (reçu : « ${apercu(filtres)} »).` };
  }
  const modele = obtenirModele(uid);
  if (!modele) return null;
  for (const [nom, valeur] of Object.entries(filtres as Record<string, unknown>)) {
    const ici = cle(chemin, nom);
    if (nom === '$and' || nom === '$or' || nom === '$not') {
      const refus = verifierFiltres(valeur, uid, obtenirModele, ici);
      if (refus) return refus;
      continue;
    }
    if (nom.startsWith('$')) return operateurInconnu(ici, nom);
    const attribut = nom === 'id' ? { type: 'integer' } : modele.attributes[nom];
    if (!attribut) continue;
    const cible =
      attribut.type === 'relation' ? attribut.target : attribut.type === 'component' ? attribut.component : attribut.type === 'media' ? 'plugin::upload.file' : undefined;
    if (cible) {
      // A bare value or operators right on a relation apply to its id.
      const surLId = valeur === null || typeof valeur !== 'object' || Array.isArray(valeur) || estObjetDOperateurs(valeur);
      const refus = surLId ? verifierConditions(valeur, 'entier', ici) : verifierFiltres(valeur, cible, obtenirModele, ici);
      if (refus) return refus;
      continue;
    }
    const refus = verifierConditions(valeur, GENRES[attribut.type] ?? 'autre', ici);
    if (refus) return refus;
  }
  return null;
}

function estObjetDOperateurs(valeur: unknown): valeur is Record<string, unknown> {
  return valeur !== null && typeof valeur === 'object' && !Array.isArray(valeur) && Object.keys(valeur).some((k) => k.startsWith('$'));
}

/** The conditions on one scalar attribute: `{ $gt: 3 }`, `{ $not: { $eq: 1 } }`, or a bare value ($eq). */
function verifierConditions(conditions: unknown, genre: Genre, chemin: string): Refus | null {
  if (conditions === null || typeof conditions !== 'object' || Array.isArray(conditions)) {
    return verifierValeur('$eq', conditions, genre, chemin);
  }
  for (const [operateur, valeur] of Object.entries(conditions as Record<string, unknown>)) {
    const ici = cle(chemin, operateur);
    if (operateur === '$not' || operateur === '$and' || operateur === '$or') {
      for (const element of operateur === '$not' ? [valeur] : elements(valeur)) {
        const refus = verifierConditions(element, genre, ici);
        if (refus) return refus;
      }
      continue;
    }
    if (!operateur.startsWith('$')) {
      return { parametre: ici, message: `Le paramètre « ${ici} » est refusé : « ${chemin} » n’a pas de sous-champ « ${operateur} ».` };
    }
    if (!OPERATEURS_PUBLICS.has(operateur)) return operateurInconnu(ici, operateur);
    const refus = verifierValeur(operateur, valeur, genre, ici);
    if (refus) return refus;
  }
  return null;
}

function verifierValeur(operateur: string, valeur: unknown, genre: Genre, chemin: string): Refus | null {
  const refus = (message: string): Refus => ({ parametre: chemin, message: `Le paramètre « ${chemin} » ${message}` });
  if (OPERATEURS_NULS.has(operateur)) {
    return valeurConforme('booleen', valeur) || valeur === '' ? null : refus(`doit valoir true ou false (reçu : « ${apercu(valeur)} »).`);
  }
  if (OPERATEURS_TEXTE.has(operateur)) {
    if (genre !== 'texte' && genre !== 'autre') return refus(`ne s’applique qu’à un texte : ce champ attend ${DESCRIPTION[genre]}.`);
    return valeur !== null && typeof valeur === 'object' ? refus('doit être une valeur simple.') : null;
  }
  if (OPERATEURS_LISTE.has(operateur)) {
    const liste = elements(valeur);
    if (liste.length > LIMITES.valeursListeMax) return refus(`accepte au plus ${LIMITES.valeursListeMax} valeurs (${liste.length} reçues).`);
    const fautive = liste.find((v) => !valeurConforme(genre, v));
    return fautive === undefined ? null : refus(`doit être une liste de valeurs : ${DESCRIPTION[genre]} chacune (reçu : « ${apercu(fautive)} »).`);
  }
  if (operateur === '$between') {
    const bornes = Array.isArray(valeur) || (valeur !== null && typeof valeur === 'object') ? elements(valeur) : null;
    if (!bornes || bornes.length !== 2) return refus(`attend deux bornes : ${chemin}[0]=…&${chemin}[1]=… (${DESCRIPTION[genre]} chacune).`);
    const fautive = bornes.find((v) => !valeurConforme(genre, v));
    return fautive === undefined ? null : refus(`doit avoir pour bornes ${DESCRIPTION[genre]} (reçu : « ${apercu(fautive)} »).`);
  }
  if (valeur !== null && typeof valeur === 'object') return refus(`doit être une valeur simple (${DESCRIPTION[genre]}).`);
  return valeurConforme(genre, valeur) ? null : refus(`doit être ${DESCRIPTION[genre]} (reçu : « ${apercu(valeur)} »).`);
}

/** `fields`: one name or a list of names, never empty (Strapi would select a column named null). */
export function verifierChamps(champs: unknown, chemin = 'fields'): Refus | null {
  if (champs === undefined) return null;
  const liste = typeof champs === 'string' ? champs.split(',') : Array.isArray(champs) || (champs !== null && typeof champs === 'object') ? elements(champs) : [champs];
  const fautif = liste.find((nom) => typeof nom !== 'string' || nom.trim() === '');
  if (fautif === undefined) return null;
  return { parametre: chemin, message: `Le paramètre « ${chemin} » doit nommer un ou plusieurs champs, par exemple ${chemin}[0]=nom (reçu : « ${apercu(fautif)} »).` };
}

/** The content-API query parameters of a read of `uid` (filters, fields), first refusal or null. */
export function verifierRequete(requete: Record<string, unknown>, uid: string, obtenirModele: ObtenirModele): Refus | null {
  return verifierChamps(requete.fields) ?? verifierFiltres(requete.filters, uid, obtenirModele);
}

/** The path (`a.b.0`) of the first string holding a NUL byte, or null. NUL ends strings in C and PostgreSQL. */
export function cheminOctetNul(valeur: unknown, chemin: string[] = []): string[] | null {
  const pile: Array<[unknown, string[]]> = [[valeur, chemin]];
  while (pile.length > 0) {
    const [courante, ici] = pile.pop()!;
    if (typeof courante === 'string') {
      if (courante.includes('\u0000')) return ici;
    } else if (courante !== null && typeof courante === 'object') {
      for (const [nom, enfant] of Object.entries(courante)) {
        if (nom.includes('\u0000')) return [...ici, nom];
        pile.push([enfant, [...ici, nom]]);
      }
    }
  }
  return null;
}

/** Whether the raw (percent-encoded) text holds a NUL byte. */
export function contientOctetNulEncode(texte: string): boolean {
  return texte.includes('\u0000') || /%00/i.test(texte);
}

/** Whether a parsed JSON value nests deeper than `max` (iterative: a deep value must not overflow here). */
export function tropProfond(valeur: unknown, max: number = LIMITES.profondeurJsonMax): boolean {
  const pile: Array<[unknown, number]> = [[valeur, 1]];
  while (pile.length > 0) {
    const [courante, profondeur] = pile.pop()!;
    if (courante === null || typeof courante !== 'object') continue;
    if (profondeur > max) return true;
    for (const enfant of Object.values(courante)) pile.push([enfant, profondeur + 1]);
  }
  return false;
}

/** The query parameter (`filters[nom][$eq]`) from a decoded query-string key path. */
export function nomParametre(chemin: string[]): string {
  return chemin.length === 0 ? '' : chemin[0] + chemin.slice(1).map((c) => `[${c}]`).join('');
}

function apercu(valeur: unknown): string {
  const texte = typeof valeur === 'string' ? valeur : JSON.stringify(valeur) ?? String(valeur);
  return texte.length > 40 ? `${texte.slice(0, 40)}…` : texte;
}
