/**
 * Visibility of the content on the content API (docs/visibilite.md; README, « API de contenu » and « Sécurité »).
 *
 * The one place that says what is Public and what is Restreint. Everything else derives from it:
 * the `private: true` flags of the schemas (checked by a unit test), the members' view of the models
 * (`vueMembre`), the admin's « Accès restreint (membres) » sections (checked by a unit test), and the narrowing of every
 * content-API query (`restreindreRequete`): published documents only, and every filter, sort and
 * populate through a relation seeing only what the caller could read at its end. Pure: no Strapi import.
 */
import { UID } from './regles-metier';
import { UID_SIGNALEMENT } from './signalement';
import { UID_ABONNEMENT } from './abonnement';
import { UID_VERSION } from './versions';
import { UID_JOURNAL } from './journal';
import { CHAMPS_QUALITE } from './qualite/champs';
import { cheminsDeTri, controlerForme, estPeuplable, populateEnObjet, RequeteRefusee, type Attribut } from './forme-requete';

/** Restreint attributes of each content type: private on the content API, revealed to members. */
export const ATTRIBUTS_RESTREINTS: Readonly<Record<string, readonly string[]>> = {
  [UID.projet]: [
    'techniquesIa',
    'algorithme',
    'impactEnvironnemental',
    'impactEnvironnementalKwhAn',
    'donnees',
    'hebergement',
    'miseEnOeuvre',
    'financement',
    'budget',
    'contact',
  ],
  [UID.offreur]: ['contact'],
  [UID.initiative]: ['contact'],
};

/**
 * Attributes never served on the content API, not even to members: who are the référents and
 * contributeurs of a collectivité (admin users) is editorial data of the admin panel, and so are the
 * import notes of a projet (source values waiting for an editor), and its quality indicators
 * (src/domaine/qualite/champs.ts).
 */
export const ATTRIBUTS_INTERNES: Readonly<Record<string, readonly string[]>> = {
  [UID.collectivite]: ['referents', 'contributeurs'],
  [UID.projet]: ['notesImport', ...CHAMPS_QUALITE],
  [UID_SIGNALEMENT]: ['email'],
  [UID_ABONNEMENT]: ['email', 'jetonHash'],
};

/**
 * Content types never served on the content API, to nobody (no role, no token): the reports of errors
 * of the visitors, read and answered in the admin panel only; the audit journal, read there by
 * modérateurs and Super Admins; the subscriptions to the alerts, read by nobody; the published versions,
 * served only by the version routes, under these rules (src/versions/). Their API has no read route of
 * the table and GraphQL no type (src/api/signalement/routes/signalement.ts, src/signalements/signalements.ts,
 * src/journal/journal.ts, src/api/abonnement/routes/abonnement.ts, src/abonnements/abonnements.ts,
 * src/api/version-publiee/routes/versions.ts).
 */
export const TYPES_INTERNES: readonly string[] = [UID_SIGNALEMENT, UID_JOURNAL, UID_ABONNEMENT, UID_VERSION];

/**
 * Components whose every field is Restreint. They are reached only through a Restreint attribute, so
 * they need no flag of their own (a component type with only private fields would break GraphQL).
 */
export const COMPOSANTS_RESTREINTS: readonly string[] = ['projet.algorithme', 'projet.donnees', 'projet.source-donnees'];

/** Content types readable by the Public role (find, findOne), published documents only. */
export const LECTURE_PUBLIQUE: readonly string[] = [
  UID.projet,
  UID.collectivite,
  UID.offreur,
  UID.initiative,
  UID.ressource,
  UID.thematique,
  UID.publicCible,
  UID.techniqueIa,
  UID.evenement,
];

/**
 * Computed reads of the published content, for everyone (each hides the Restreint from non-members
 * itself): the users-permissions action granted to the Public and Membre roles, and the first segment
 * of its path under /api.
 */
export const LECTURES_CALCULEES: ReadonlyArray<{ action: string; collection: string }> = [
  { action: 'api::recherche.recherche.find', collection: 'recherche' },
  { action: 'api::statistiques.statistiques.find', collection: 'statistiques' },
  { action: 'api::projet.similaires.find', collection: 'projets' },
  { action: 'api::collectivite.synthese.find', collection: 'collectivites' },
  { action: 'api::offreur.synthese.find', collection: 'offreurs' },
  // Version history of the projets, initiatives and ressources (paths under each of the three collections).
  { action: 'api::version-publiee.versions.find', collection: 'projets' },
  { action: 'api::version-publiee.versions.findOne', collection: 'projets' },
  { action: 'api::version-publiee.difference.find', collection: 'projets' },
];

/** Ressources: the attribute and the value that make one visible to everyone (else: members only). */
const RESSOURCE = { uid: UID.ressource, attribut: 'acces', public: 'public' } as const;

/** Who is calling the content API, as far as visibility goes. */
export type Appelant =
  | { type: 'anonyme' }
  | { type: 'utilisateur'; role: string | undefined; confirme: boolean; approuve: boolean; bloque: boolean }
  | { type: 'jeton'; jeton: 'read-only' | 'full-access' | 'custom' | string };

/** Role type (users-permissions) of the members of the trust space. */
export const ROLE_MEMBRE = 'membre';

/**
 * Whether the caller sees Restreint fields and members-only ressources: an approved, confirmed,
 * unblocked member, or an API token (a token never sees more than a member: see `voitBrouillons`).
 */
export function voitRestreint(appelant: Appelant): boolean {
  switch (appelant.type) {
    case 'anonyme':
      return false;
    case 'utilisateur':
      return appelant.role === ROLE_MEMBRE && appelant.confirme && appelant.approuve && !appelant.bloque;
    case 'jeton':
      return true;
  }
}

/**
 * Whether the `status` parameter is honoured (drafts). Only full-access tokens, reserved to the
 * platform's own scripts (import, tests), may read drafts; everyone else gets published documents.
 */
export function voitBrouillons(appelant: Appelant): boolean {
  return appelant.type === 'jeton' && appelant.jeton === 'full-access';
}

/** Reads the caller from Strapi's `auth` object (`ctx.state.auth`), without trusting anything else. */
export function appelantDepuisAuth(auth: unknown): Appelant {
  const a = auth as { strategy?: { name?: string }; credentials?: Record<string, any> } | undefined;
  const nom = a?.strategy?.name;
  const c = a?.credentials;
  if (nom === 'content-api-token' && c) return { type: 'jeton', jeton: String(c.type) };
  if (nom === 'users-permissions' && c) {
    return {
      type: 'utilisateur',
      role: c.role?.type,
      confirme: c.confirmed === true,
      approuve: c.approuve === true,
      bloque: c.blocked === true,
    };
  }
  return { type: 'anonyme' };
}

export interface Modele {
  uid: string;
  attributes: Record<string, Attribut>;
  options?: { draftAndPublish?: boolean };
  [cle: string]: unknown;
}

/** The model as a member sees it: the Restreint attributes are no longer private. */
export function vueMembre<M extends Modele>(modele: M): M {
  const restreints = ATTRIBUTS_RESTREINTS[modele.uid];
  if (!restreints) return modele;
  const attributes = { ...modele.attributes };
  for (const nom of restreints) {
    if (attributes[nom]) attributes[nom] = { ...attributes[nom], private: false };
  }
  return { ...modele, attributes };
}

type ObtenirModele = (uid: string) => Modele | undefined;

/**
 * The attributes a content-API read selects when its query names none (`fields` absent): the scalar
 * attributes the caller is served, those that are not private to it (`estPrive`, Strapi's rule on the
 * model as the caller sees it). Strapi read every column (`SELECT t0.*`, Restreint and internal text
 * included) to drop the private ones on the way out; the response is the same without reading them.
 * Relations, components and media are populated apart and stay out. Pure.
 */
export function champsServis(modele: Modele, estPrive: (nom: string) => boolean): string[] {
  return Object.entries(modele.attributes)
    .filter(([nom, attribut]) => !estPeuplable(attribut) && !estPrive(nom))
    .map(([nom]) => nom);
}

/**
 * The query with `fields` set where it names none: at the root and under every relation it
 * populates (object form, at any depth), to what `champsDe(uid, racine)` gives for that model; where
 * it gives nothing, that level reads every column as before. A relation asked as a count, or through
 * a string or an array of paths, is left as it is. Pure.
 */
export function projeterRequete(
  requete: Record<string, unknown>,
  uid: string,
  obtenirModele: ObtenirModele,
  champsDe: (uid: string, racine: boolean) => readonly string[] | undefined,
  racine = true,
): Record<string, unknown> {
  const resultat = { ...requete };
  const champs = resultat.fields === undefined ? champsDe(uid, racine) : undefined;
  if (champs) resultat.fields = [...champs];
  const modele = obtenirModele(uid);
  if (!modele || !estObjet(resultat.populate)) return resultat;
  const populate: Record<string, unknown> = {};
  for (const [nom, valeur] of Object.entries(resultat.populate)) {
    const attribut = modele.attributes[nom];
    const cible = attribut?.type === 'relation' && typeof attribut.target === 'string' ? attribut.target : undefined;
    const projetable = cible !== undefined && obtenirModele(cible) !== undefined && (valeur === true || (estObjet(valeur) && valeur.count === undefined));
    const projetee = projetable ? projeterRequete(estObjet(valeur) ? valeur : {}, cible, obtenirModele, champsDe, false) : undefined;
    populate[nom] = projetee && (valeur !== true || Object.keys(projetee).length > 0) ? projetee : valeur;
  }
  resultat.populate = populate;
  return resultat;
}

const FILTRE_RESSOURCES_PUBLIQUES = { [RESSOURCE.attribut]: { $eq: RESSOURCE.public } };
const FILTRE_PUBLIES = { publishedAt: { $notNull: true } };
const LOGIQUES = ['$and', '$or', '$not'];

/** Adds « acces = public » to a filters object. */
export function filtresRessourcesPubliques(filtres: unknown): Record<string, unknown> {
  return etLogique(filtres, FILTRE_RESSOURCES_PUBLIQUES);
}

/**
 * The conditions a row of `cible` must meet to be readable by the caller: published (draft & publish
 * types, for whoever does not read drafts), public (ressources, for whoever does not see members-only
 * ones). Empty when the caller reads every row of the type.
 */
export function conditionsDeLecture(cible: string, appelant: Appelant, obtenirModele: ObtenirModele): Record<string, unknown>[] {
  const conditions: Record<string, unknown>[] = [];
  if (!voitBrouillons(appelant) && obtenirModele(cible)?.options?.draftAndPublish) conditions.push(FILTRE_PUBLIES);
  if (!voitRestreint(appelant) && cible === RESSOURCE.uid) conditions.push(FILTRE_RESSOURCES_PUBLIQUES);
  return conditions;
}

const estObjet = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const estOperateurFeuille = (cle: string) => cle.startsWith('$') && !LOGIQUES.includes(cle);

/**
 * The condition on a relation in the shape of an object of attributes: a bare value or operators
 * (`projets: 5`, `projets: { $null: true }`) are, for Strapi, conditions on the related row's id.
 */
function conditionSurLaCible(valeur: unknown): unknown {
  if (!estObjet(valeur)) return { id: valeur };
  const cles = Object.keys(valeur);
  const operateurs = cles.filter(estOperateurFeuille);
  if (operateurs.length === 0) return valeur;
  const surId = { id: Object.fromEntries(operateurs.map((cle) => [cle, valeur[cle]])) };
  if (operateurs.length === cles.length) return surId;
  return { $and: [surId, Object.fromEntries(cles.filter((cle) => !estOperateurFeuille(cle)).map((cle) => [cle, valeur[cle]]))] };
}

/**
 * Filters as the caller may run them: every condition through a relation, at any depth, only matches
 * rows of the target the caller could read (published, public ressources for non-members), because
 * the conditions of readability are joined to the caller's conditions on the same related row.
 *
 * Each object of the result has one key (several keys become an `$and`): Strapi merges the conditions
 * of a relation into its parent's with `Object.assign`, so two `$and` side by side would overwrite
 * one another and drop a condition. Under `$not`, a relation whose target has rows hidden from the
 * caller is refused: Strapi negates row by row, and a hidden row then makes its parent match, which
 * tells that it exists. A negation on a field (`$ne`, `$notIn`, `$notContains`) stays possible.
 */
export function restreindreFiltres(filtres: unknown, uid: string, appelant: Appelant, obtenirModele: ObtenirModele, sousNegation = false): unknown {
  if (Array.isArray(filtres)) return filtres.map((f) => restreindreFiltres(f, uid, appelant, obtenirModele, sousNegation));
  if (!estObjet(filtres)) return filtres;
  const modele = obtenirModele(uid);
  if (!modele) return filtres;
  const parties = Object.entries(filtres).map(([cle, valeur]) => ({ [cle]: restreindreCle(cle, valeur, modele, appelant, obtenirModele, sousNegation) }));
  if (parties.length <= 1) return parties[0] ?? filtres;
  return { $and: parties };
}

function restreindreCle(cle: string, valeur: unknown, modele: Modele, appelant: Appelant, obtenirModele: ObtenirModele, sousNegation: boolean): unknown {
  if (LOGIQUES.includes(cle)) return restreindreFiltres(valeur, modele.uid, appelant, obtenirModele, sousNegation || cle === '$not');
  const attribut = modele.attributes[cle];
  if (attribut?.type === 'component') return restreindreFiltres(valeur, attribut.component as string, appelant, obtenirModele, sousNegation);
  if (attribut?.type !== 'relation' || !attribut.target) return valeur;
  const conditions = conditionsDeLecture(attribut.target, appelant, obtenirModele);
  if (sousNegation && conditions.length > 0) {
    throw new RequeteRefusee(
      'filters',
      `Paramètre « filters » refusé : « $not » ne peut pas porter sur la relation « ${cle} » ; utilisez $ne, $notIn ou $notContains sur le champ voulu.`,
    );
  }
  const sous = restreindreFiltres(conditionSurLaCible(valeur), attribut.target, appelant, obtenirModele, sousNegation);
  return conditions.length === 0 ? sous : { $and: [sous, ...conditions] };
}

/**
 * Refuses a sort through a relation whose target has rows hidden from the caller: Strapi joins every
 * row of the relation to sort (drafts, members-only ressources) and the order would tell their values.
 */
export function controlerTriVisible(tri: unknown, uid: string, appelant: Appelant, obtenirModele: ObtenirModele): void {
  for (const chemin of cheminsDeTri(tri)) {
    let modele = obtenirModele(uid);
    for (const segment of chemin) {
      const attribut = modele?.attributes[segment];
      if (attribut?.type === 'relation' && attribut.target && conditionsDeLecture(attribut.target, appelant, obtenirModele).length > 0) {
        throw new RequeteRefusee(
          'sort',
          `Paramètre « sort » refusé : trier par « ${chemin.join('.')} » passe par la relation « ${segment} », dont certains documents ne vous sont pas accessibles ; triez sur un champ du document ou d’une collectivité, d’une thématique.`,
        );
      }
      const cible = attribut?.type === 'relation' ? attribut.target : attribut?.type === 'component' ? (attribut.component as string) : undefined;
      modele = cible ? obtenirModele(cible) : undefined;
    }
  }
}

/**
 * The populate as the caller may run it: filters and sort of every populated relation narrowed as at
 * the root, and for a caller who does not see members-only ressources, every relation that reaches a
 * ressource, at any depth and in any form of populate, only loads ressources with acces = public.
 * (Drafts of a populated relation are left out by the Document Service, from the query's status.)
 */
export function restreindrePopulate(populate: unknown, uid: string, appelant: Appelant, obtenirModele: ObtenirModele): unknown {
  const modele = obtenirModele(uid);
  if (!modele) return populate;
  // A string, an array or `*` carries no filters nor sort: only ressources may need a filter added.
  const objet = estObjet(populate) ? populate : voitRestreint(appelant) ? undefined : populateEnObjet(populate, modele);
  if (!objet) return populate;
  const resultat: Record<string, unknown> = {};
  for (const [nom, valeur] of Object.entries(objet)) {
    const attribut = modele.attributes[nom];
    const cible = attribut?.type === 'relation' ? attribut.target : attribut?.type === 'component' ? (attribut.component as string) : undefined;
    if (!cible || valeur === false) {
      resultat[nom] = valeur;
      continue;
    }
    const sous: Record<string, unknown> = estObjet(valeur) ? { ...valeur } : {};
    if (sous.populate !== undefined) sous.populate = restreindrePopulate(sous.populate, cible, appelant, obtenirModele);
    if (attribut!.type === 'relation') {
      if (sous.filters !== undefined) sous.filters = restreindreFiltres(sous.filters, cible, appelant, obtenirModele);
      if (sous.sort !== undefined) controlerTriVisible(sous.sort, cible, appelant, obtenirModele);
      if (!voitRestreint(appelant) && cible === RESSOURCE.uid) sous.filters = filtresRessourcesPubliques(sous.filters);
    }
    resultat[nom] = Object.keys(sous).length === 0 ? (estObjet(valeur) ? valeur : true) : sous;
  }
  return resultat;
}

/**
 * What the content API may run for this caller, after Strapi's own sanitising of the query: the shape
 * limits (`forme-requete.ts`, for everyone), then, unless the caller reads drafts, published documents
 * only and every filter, sort and populate narrowed to what the caller could read at the end of each
 * relation. Throws `RequeteRefusee` for a parameter it refuses.
 */
export function restreindreRequete(requete: Record<string, unknown>, modele: Modele, appelant: Appelant, obtenirModele: ObtenirModele): Record<string, unknown> {
  controlerForme(requete, modele.uid, obtenirModele);
  if (voitBrouillons(appelant)) return requete;
  const resultat = { ...requete };
  resultat.status = 'published';
  delete resultat.publicationFilter;
  delete resultat.hasPublishedVersion;
  if (resultat.filters !== undefined) resultat.filters = restreindreFiltres(resultat.filters, modele.uid, appelant, obtenirModele);
  if (resultat.sort !== undefined) controlerTriVisible(resultat.sort, modele.uid, appelant, obtenirModele);
  if (resultat.populate !== undefined) resultat.populate = restreindrePopulate(resultat.populate, modele.uid, appelant, obtenirModele);
  for (const condition of conditionsDeLecture(modele.uid, appelant, obtenirModele)) resultat.filters = etLogique(resultat.filters, condition);
  return resultat;
}

function etLogique(filtres: unknown, condition: Record<string, unknown>): Record<string, unknown> {
  if (filtres === undefined || filtres === null || (typeof filtres === 'object' && Object.keys(filtres).length === 0)) return condition;
  return { $and: [filtres, condition] };
}
