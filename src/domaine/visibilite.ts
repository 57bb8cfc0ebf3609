/**
 * Visibility of the content on the content API (design/model.md, « access » column; design/api.md).
 *
 * The one place that says what is Public and what is Restreint. Everything else derives from it:
 * the `private: true` flags of the schemas (checked by a unit test), the members' view of the models
 * (`vueMembre`), the admin labels « (membres) » (checked by a unit test), and the members-only
 * ressources filter. Pure: no Strapi import.
 */
import { UID } from './regles-metier';

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
 * contributeurs of a collectivité (admin users) is editorial data of the admin panel.
 */
export const ATTRIBUTS_INTERNES: Readonly<Record<string, readonly string[]>> = {
  [UID.collectivite]: ['referents', 'contributeurs'],
};

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
 * Computed reads of the published projets, for everyone (each hides the Restreint from non-members
 * itself): the users-permissions action granted to the Public and Membre roles, and the first segment
 * of its path under /api.
 */
export const LECTURES_CALCULEES: ReadonlyArray<{ action: string; collection: string }> = [
  { action: 'api::recherche.recherche.find', collection: 'recherche' },
  { action: 'api::statistiques.statistiques.find', collection: 'statistiques' },
  { action: 'api::projet.similaires.find', collection: 'projets' },
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

interface Attribut {
  type: string;
  private?: boolean;
  target?: string;
  [cle: string]: unknown;
}
export interface Modele {
  uid: string;
  attributes: Record<string, Attribut>;
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

type Populate = unknown;
type ObtenirModele = (uid: string) => Modele | undefined;

const FILTRE_RESSOURCES_PUBLIQUES = { [RESSOURCE.attribut]: { $eq: RESSOURCE.public } };

/** Adds « acces = public » to a filters object. */
export function filtresRessourcesPubliques(filtres: unknown): Record<string, unknown> {
  return etLogique(filtres, FILTRE_RESSOURCES_PUBLIQUES);
}

function estRelationPopulable(attribut: Attribut): boolean {
  return attribut.type === 'relation' || attribut.type === 'component' || attribut.type === 'media' || attribut.type === 'dynamiczone';
}

function cibleDe(attribut: Attribut): string | undefined {
  if (attribut.type === 'relation') return attribut.target;
  if (attribut.type === 'component') return attribut.component as string;
  return undefined;
}

/** Normalises Strapi's populate shapes ('*', 'a,b', ['a', 'b.c'], { a: true }) into an object. */
function enObjet(populate: Populate, modele: Modele): Record<string, unknown> | undefined {
  if (populate === undefined || populate === null || populate === false) return undefined;
  if (populate === '*' || populate === true) {
    return Object.fromEntries(
      Object.entries(modele.attributes)
        .filter(([nom, attribut]) => estRelationPopulable(attribut) && !attribut.private && !['createdBy', 'updatedBy', 'localizations'].includes(nom))
        .map(([nom]) => [nom, true]),
    );
  }
  const chemins = typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate.map(String) : undefined;
  if (chemins) {
    const objet: Record<string, unknown> = {};
    for (const chemin of chemins) {
      const [tete, ...reste] = chemin.trim().split('.');
      if (!tete) continue;
      objet[tete] = reste.length > 0 ? { populate: reste.join('.') } : true;
    }
    return objet;
  }
  if (typeof populate === 'object') return { ...(populate as Record<string, unknown>) };
  return undefined;
}

/**
 * For a caller who does not see members-only ressources: the same populate where every relation
 * that reaches a ressource, at any depth, only loads ressources with acces = public.
 */
export function populateRessourcesPubliques(populate: Populate, uid: string, obtenirModele: ObtenirModele): Populate {
  const modele = obtenirModele(uid);
  if (!modele) return populate;
  const objet = enObjet(populate, modele);
  if (!objet) return populate;
  const resultat: Record<string, unknown> = {};
  for (const [nom, valeur] of Object.entries(objet)) {
    const attribut = modele.attributes[nom];
    const cible = attribut ? cibleDe(attribut) : undefined;
    if (!attribut || !cible || valeur === false) {
      resultat[nom] = valeur;
      continue;
    }
    const sous: Record<string, unknown> =
      valeur === true || valeur === '*' ? {} : typeof valeur === 'object' && valeur !== null ? { ...(valeur as Record<string, unknown>) } : {};
    if (sous.populate !== undefined) sous.populate = populateRessourcesPubliques(sous.populate, cible, obtenirModele);
    if (attribut.type === 'relation' && cible === RESSOURCE.uid) sous.filters = filtresRessourcesPubliques(sous.filters);
    if (attribut.type === 'relation' && sous.filters !== undefined && cible !== RESSOURCE.uid) {
      sous.filters = filtresSansRessourcesMembres(sous.filters, cible, obtenirModele);
    }
    resultat[nom] = Object.keys(sous).length === 0 ? true : sous;
  }
  return resultat;
}

/**
 * For a caller who does not see members-only ressources: the same filters where every condition
 * on a relation to ressources only matches ressources with acces = public (a filter on a hidden
 * ressource's title would otherwise reveal that it exists).
 */
export function filtresSansRessourcesMembres(filtres: unknown, uid: string, obtenirModele: ObtenirModele): unknown {
  if (Array.isArray(filtres)) return filtres.map((f) => filtresSansRessourcesMembres(f, uid, obtenirModele));
  if (filtres === null || typeof filtres !== 'object') return filtres;
  const modele = obtenirModele(uid);
  if (!modele) return filtres;
  const resultat: Record<string, unknown> = {};
  for (const [cle, valeur] of Object.entries(filtres as Record<string, unknown>)) {
    if (cle.startsWith('$')) {
      resultat[cle] = ['$and', '$or', '$not'].includes(cle) ? filtresSansRessourcesMembres(valeur, uid, obtenirModele) : valeur;
      continue;
    }
    const attribut = modele.attributes[cle];
    if (attribut?.type === 'relation' && attribut.target) {
      const sous = filtresSansRessourcesMembres(valeur, attribut.target, obtenirModele);
      resultat[cle] = attribut.target === RESSOURCE.uid ? { $and: [sous, FILTRE_RESSOURCES_PUBLIQUES] } : sous;
    } else if (attribut?.type === 'component') {
      resultat[cle] = filtresSansRessourcesMembres(valeur, attribut.component as string, obtenirModele);
    } else {
      resultat[cle] = valeur;
    }
  }
  return resultat;
}

/** What the content API may run for this caller, after Strapi's own sanitising of the query. */
export function restreindreRequete(
  requete: Record<string, unknown>,
  modele: Modele & { options?: { draftAndPublish?: boolean } },
  appelant: Appelant,
  obtenirModele: ObtenirModele,
): Record<string, unknown> {
  const resultat = { ...requete };
  if (!voitBrouillons(appelant)) {
    resultat.status = 'published';
    delete resultat.publicationFilter;
    delete resultat.hasPublishedVersion;
    if (modele.options?.draftAndPublish) resultat.filters = etLogique(resultat.filters, { publishedAt: { $notNull: true } });
  }
  if (!voitRestreint(appelant)) {
    if (resultat.filters !== undefined) resultat.filters = filtresSansRessourcesMembres(resultat.filters, modele.uid, obtenirModele);
    if (modele.uid === RESSOURCE.uid) resultat.filters = filtresRessourcesPubliques(resultat.filters);
    if (resultat.populate !== undefined) resultat.populate = populateRessourcesPubliques(resultat.populate, modele.uid, obtenirModele);
  }
  return resultat;
}

function etLogique(filtres: unknown, condition: Record<string, unknown>): Record<string, unknown> {
  if (filtres === undefined || filtres === null || (typeof filtres === 'object' && Object.keys(filtres).length === 0)) return condition;
  return { $and: [filtres, condition] };
}
