/**
 * Shape limits of a content-API query, whoever the caller (full-access tokens included): how many
 * relations a query may cross, in `populate`, `filters` and `sort` alike, and how many attributes one
 * `populate` may load. REST populate is not paginated: each relation crossed multiplies the rows by its
 * size (`collectivite.projets.collectivite.projets` is quadratic in the projets of a collectivité), so
 * the bound is on relations crossed, whatever the form of the parameter (dot path, comma list, array,
 * object, `*` at any level). Components are parts of their document: they do not count as a level,
 * their attributes count in the number of populated attributes. GraphQL has its own depth limit
 * (`GRAPHQL_DEPTH_LIMIT`, fields counted from the root field down to the scalars, each relation list
 * paginated); its filters and sort go through the same rule as REST. Pure: no Strapi import.
 */

/** A refused query parameter: the glue answers it as a 400 ValidationError naming `parametre`. */
export class RequeteRefusee extends Error {
  constructor(
    readonly parametre: 'populate' | 'filters' | 'sort',
    message: string,
  ) {
    super(message);
    this.name = 'RequeteRefusee';
  }
}

export const LIMITES_REQUETE = {
  /** Relations (or media) crossed one inside the other: collectivité → projets → ressources → fichiers. */
  relations: 3,
  /** Attributes loaded by one `populate`, once `*` is expanded. */
  attributsPeuples: 50,
} as const;

/** An attribute of a Strapi schema, as far as the pure rules (shape, visibility, input values) read it. */
export interface Attribut {
  type: string;
  private?: boolean;
  target?: string;
  component?: string;
  [cle: string]: unknown;
}
export interface ModeleForme {
  uid: string;
  attributes: Record<string, Attribut>;
}
export type ObtenirModeleForme = (uid: string) => ModeleForme | undefined;

const FICHIER = 'plugin::upload.file';
const JAMAIS_PEUPLES = ['createdBy', 'updatedBy', 'localizations'];
const LOGIQUES = ['$and', '$or', '$not'];

export const estPeuplable = (a: Attribut): boolean => ['relation', 'component', 'media', 'dynamiczone'].includes(a.type);
/** Whether crossing the attribute reaches other rows of another table (a level of the rule). An unknown key is refused by Strapi's own validation. */
export const estRelation = (a: Attribut | undefined): boolean => !!a && (a.type === 'relation' || a.type === 'media' || a.type === 'dynamiczone');

/** The model an attribute leads to (relation target, component, uploaded file). */
export function cibleDe(a: Attribut | undefined): string | undefined {
  if (!a) return undefined;
  if (a.type === 'relation') return a.target;
  if (a.type === 'component') return a.component;
  if (a.type === 'media') return FICHIER;
  return undefined;
}

const estObjet = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const estFaux = (v: unknown) => v === undefined || v === null || v === false || v === 'false' || v === '0';
const estEtoile = (v: unknown) => v === '*' || v === true || v === 'true';

/** `*`: every attribute a populate may load on the model. */
export function attributsEtoile(modele: ModeleForme): string[] {
  return Object.entries(modele.attributes)
    .filter(([nom, a]) => estPeuplable(a) && !a.private && !JAMAIS_PEUPLES.includes(nom))
    .map(([nom]) => nom);
}

/**
 * Strapi's populate shapes ('*', 'a,b', 'a.b.c', ['a', 'b.c'], { a: true, b: { populate: … } }) as one
 * object `{ attribut: true | { populate?, filters?, … } }`, undefined when nothing is populated.
 */
export function populateEnObjet(populate: unknown, modele: ModeleForme): Record<string, unknown> | undefined {
  if (estFaux(populate)) return undefined;
  if (estEtoile(populate)) return Object.fromEntries(attributsEtoile(modele).map((nom) => [nom, true]));
  const chemins = typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate.flatMap((p) => (typeof p === 'string' ? p.split(',') : [])) : undefined;
  if (chemins) {
    const objet: Record<string, unknown> = {};
    for (const chemin of chemins) {
      const [tete, ...reste] = chemin.trim().split('.');
      if (!tete) continue;
      if (tete === '*') {
        for (const nom of attributsEtoile(modele)) objet[nom] ??= true;
        continue;
      }
      const sous = reste.join('.');
      const deja = objet[tete];
      // Two paths through the same attribute ('a.b', 'a.c') populate both below it.
      objet[tete] = sous ? { populate: estObjet(deja) && typeof deja.populate === 'string' ? `${deja.populate},${sous}` : sous } : (deja ?? true);
    }
    return objet;
  }
  if (estObjet(populate)) return { ...populate };
  return undefined;
}

/** What is populated below one attribute, whatever the form ('true', a path, an object with populate and fragments). */
function sousPopulate(valeur: unknown): unknown[] {
  if (valeur === '*') return ['*'];
  if (estFaux(valeur) || estEtoile(valeur)) return [];
  // Strapi's validator reads a string value as paths below the attribute: count it so.
  if (typeof valeur === 'string' || Array.isArray(valeur)) return [valeur];
  if (!estObjet(valeur)) return [];
  const sous: unknown[] = [];
  if (valeur.populate !== undefined) sous.push(valeur.populate);
  return sous;
}

interface Mesure {
  profondeur: number;
  attributs: number;
}

/** Relations crossed (deepest branch) and attributes loaded by a populate on `uid`; every nested `filters` and `sort` is checked on the way. */
function mesurerPopulate(populate: unknown, uid: string | undefined, obtenirModele: ObtenirModeleForme, mesure: Mesure, niveau: number): void {
  const modele = uid ? obtenirModele(uid) : undefined;
  const objet = modele ? populateEnObjet(populate, modele) : populateEnObjet(populate, { uid: '', attributes: {} });
  if (!objet) return;
  for (const [nom, valeur] of Object.entries(objet)) {
    if (estFaux(valeur)) continue;
    const attribut = modele?.attributes[nom];
    const relation = estRelation(attribut);
    const ici = niveau + (relation ? 1 : 0);
    mesure.attributs += 1;
    mesure.profondeur = Math.max(mesure.profondeur, ici);
    if (mesure.profondeur > LIMITES_REQUETE.relations || mesure.attributs > LIMITES_REQUETE.attributsPeuples) return;
    const cible = cibleDe(attribut);
    if (estObjet(valeur)) {
      if (valeur.filters !== undefined) controlerFiltres(valeur.filters, cible, obtenirModele);
      if (valeur.sort !== undefined) controlerTri(valeur.sort, cible, obtenirModele);
      // Fragments of a dynamic zone or a polymorphic relation: each is one more level.
      if (estObjet(valeur.on)) for (const [uidFragment, fragment] of Object.entries(valeur.on)) mesurerPopulate(fragment, uidFragment, obtenirModele, mesure, ici);
    }
    // `a: { populate: '*' }` and `a.*` load every attribute of the target: counted by the recursion.
    for (const sous of sousPopulate(valeur)) mesurerPopulate(sous, cible, obtenirModele, mesure, ici);
  }
}

/** Refuses a populate that crosses more than `LIMITES_REQUETE.relations` relations or loads too many attributes. */
export function controlerPopulate(populate: unknown, uid: string, obtenirModele: ObtenirModeleForme): void {
  const mesure: Mesure = { profondeur: 0, attributs: 0 };
  mesurerPopulate(populate, uid, obtenirModele, mesure, 0);
  if (mesure.profondeur > LIMITES_REQUETE.relations) {
    throw new RequeteRefusee(
      'populate',
      `Paramètre « populate » refusé : il traverse plus de ${LIMITES_REQUETE.relations} relations imbriquées (au plus ${LIMITES_REQUETE.relations}, par exemple collectivite.projets.ressources).`,
    );
  }
  if (mesure.attributs > LIMITES_REQUETE.attributsPeuples) {
    throw new RequeteRefusee('populate', `Paramètre « populate » refusé : il charge plus de ${LIMITES_REQUETE.attributsPeuples} attributs (« * » compte pour chacun des attributs qu’il charge).`);
  }
}

function profondeurFiltres(filtres: unknown, uid: string | undefined, obtenirModele: ObtenirModeleForme, niveau: number): number {
  if (Array.isArray(filtres)) return Math.max(niveau, ...filtres.map((f) => profondeurFiltres(f, uid, obtenirModele, niveau)));
  if (!estObjet(filtres)) return niveau;
  const modele = uid ? obtenirModele(uid) : undefined;
  let max = niveau;
  for (const [cle, valeur] of Object.entries(filtres)) {
    if (LOGIQUES.includes(cle)) max = Math.max(max, profondeurFiltres(valeur, uid, obtenirModele, niveau));
    else if (cle.startsWith('$')) continue;
    else {
      const attribut = modele?.attributes[cle];
      if (attribut && !estPeuplable(attribut)) continue;
      const ici = niveau + (estRelation(attribut) ? 1 : 0);
      max = Math.max(max, ici, profondeurFiltres(valeur, cibleDe(attribut), obtenirModele, ici));
    }
    if (max > LIMITES_REQUETE.relations) return max;
  }
  return max;
}

/** Refuses filters that cross more than `LIMITES_REQUETE.relations` relations (each one is a join over the whole table). */
export function controlerFiltres(filtres: unknown, uid: string | undefined, obtenirModele: ObtenirModeleForme): void {
  if (profondeurFiltres(filtres, uid, obtenirModele, 0) > LIMITES_REQUETE.relations) {
    throw new RequeteRefusee('filters', `Paramètre « filters » refusé : il traverse plus de ${LIMITES_REQUETE.relations} relations imbriquées (au plus ${LIMITES_REQUETE.relations}).`);
  }
}

/** The attribute paths of a sort in any of its forms: 'a:asc,b.c', ['a:desc'], { a: 'asc' }, [{ b: { c: 'desc' } }]. */
export function cheminsDeTri(tri: unknown): string[][] {
  if (typeof tri === 'string') {
    return tri
      .split(',')
      .map((t) => t.trim().split(':')[0]!.split('.').filter(Boolean))
      .filter((c) => c.length > 0);
  }
  if (Array.isArray(tri)) return tri.flatMap(cheminsDeTri);
  if (estObjet(tri)) {
    return Object.entries(tri).flatMap(([cle, valeur]) => {
      const sous = estObjet(valeur) ? cheminsDeTri(valeur) : [];
      return sous.length > 0 ? sous.map((c) => [cle, ...c]) : [[cle]];
    });
  }
  return [];
}

/** Refuses a sort that crosses more than `LIMITES_REQUETE.relations` relations. */
export function controlerTri(tri: unknown, uid: string | undefined, obtenirModele: ObtenirModeleForme): void {
  for (const chemin of cheminsDeTri(tri)) {
    let modele = uid ? obtenirModele(uid) : undefined;
    let relations = 0;
    for (const segment of chemin) {
      const attribut = modele?.attributes[segment];
      if (attribut && !estPeuplable(attribut)) break;
      if (estRelation(attribut)) relations += 1;
      const cible = cibleDe(attribut);
      modele = cible ? obtenirModele(cible) : undefined;
    }
    if (relations > LIMITES_REQUETE.relations) {
      throw new RequeteRefusee('sort', `Paramètre « sort » refusé : il traverse plus de ${LIMITES_REQUETE.relations} relations imbriquées (au plus ${LIMITES_REQUETE.relations}).`);
    }
  }
}

/** The shape rule on a whole query (after Strapi's sanitising): populate, filters and sort. */
export function controlerForme(requete: Record<string, unknown>, uid: string, obtenirModele: ObtenirModeleForme): void {
  if (requete.filters !== undefined) controlerFiltres(requete.filters, uid, obtenirModele);
  if (requete.sort !== undefined) controlerTri(requete.sort, uid, obtenirModele);
  if (requete.populate !== undefined) controlerPopulate(requete.populate, uid, obtenirModele);
}
