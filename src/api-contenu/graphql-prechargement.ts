/**
 * GraphQL relations to one entry loaded with the page that selects them (README, « Performance »).
 *
 * Strapi resolves `collectivite` under each of the 25 projets of a list by itself: the relation's
 * resolver transforms, validates and sanitizes its (empty) arguments, works out the status inherited
 * from the root query, then loads the relation (one query per relation for the whole page, through
 * chargements-groupes.ts): for two relations, fifty runs of the same preparation and hundreds of
 * promises, most of the request. When a root query of a content type (its list or one entry) reads
 * published content (no other status, publication filter or locale) and selects to-one relations
 * (which take no argument), those relations are asked of the Document Service as the root query's
 * `populate`: validated and sanitized for the caller like a REST populate, loaded with the page, one
 * query per relation. Each relation field of the entries returned answers with what was loaded, after
 * the same authorization of its scope as before (graphql-resolveurs.ts). A relation the checks left
 * out of the page, members-only relations, fragments and every other shape go through Strapi's resolver.
 *
 * The root resolvers go through `aiguillage.racine`, replaced, so that tests and the bench can put
 * Strapi's path back on a running server (src/api-contenu/remplacements.ts).
 */
import type { Core } from '@strapi/strapi';
import { GraphQLObjectType, Kind, type FieldNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { ATTRIBUTS_RESTREINTS } from '../domaine/visibilite';
import { remplacer } from './remplacements';

type Resolveur = GraphQLFieldResolver<unknown, unknown>;
type Attribut = { type?: string; relation?: string; target?: string; private?: boolean };
type Modele = { uid: string; kind?: string; attributes: Record<string, Attribut> };

/**
 * The fields among `candidats` selected directly under the root field; null when its selection holds
 * a fragment (read by Strapi's resolvers, as before). Pure.
 */
export function relationsSelectionnees(noeuds: readonly FieldNode[], candidats: ReadonlySet<string>): string[] | null {
  const noms = new Set<string>();
  for (const noeud of noeuds) {
    for (const selection of noeud.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD) return null;
      if (candidats.has(selection.name.value)) noms.add(selection.name.value);
    }
  }
  return [...noms];
}

/**
 * Whether root arguments read what a relation's resolver reads when it inherits them: published
 * content, no publication filter, no locale. Pure.
 */
export function lecturePubliee(args: Record<string, unknown>): boolean {
  const absent = (valeur: unknown) => valeur === undefined || valeur === null;
  return (absent(args.status) || args.status === 'published') && absent(args.publicationFilter) && absent(args.hasPublishedVersion) && absent(args.locale);
}

/** The to-one relations of a model that can be loaded with its page: not polymorphic, not members-only. Pure. */
export function relationsAUnElement(modele: Modele): Set<string> {
  const restreints = new Set(ATTRIBUTS_RESTREINTS[modele.uid] ?? []);
  const noms = Object.entries(modele.attributes)
    .filter(([nom, a]) => a.type === 'relation' && typeof a.target === 'string' && !a.private && !restreints.has(nom))
    .filter(([, a]) => !a.relation?.startsWith('morph') && !a.relation?.endsWith('Many'))
    .map(([nom]) => nom);
  return new Set(noms);
}

/** Entries returned by a root query, with the relations loaded with them. */
const prechargees = new WeakMap<object, ReadonlySet<string>>();

/** Where each root query goes: Strapi's resolver alone (origin) or the one that loads relations with the page. */
const aiguillage = {
  racine(propre: Resolveur, _prechargeant: Resolveur, ...appel: Parameters<Resolveur>): unknown {
    return propre(...appel);
  },
};

/** Asks, for this request, the authorization of the relation field `type.champ` (graphql-resolveurs.ts). */
export type Preautorisation = (contexte: unknown, type: string, champ: string) => Promise<unknown>;

function prechargeant(propre: Resolveur, type: string, candidats: ReadonlySet<string>, preautoriser: Preautorisation): Resolveur {
  return async (parent, args, contexte, info) => {
    const relations = lecturePubliee(args) ? relationsSelectionnees(info.fieldNodes, candidats) : null;
    if (!relations || relations.length === 0) return propre(parent, args, contexte, info);
    let resultat: unknown;
    try {
      resultat = await propre(parent, { ...args, populate: Object.fromEntries(relations.map((nom) => [nom, true])) }, contexte, info);
    } catch {
      // A populate the caller's checks refuse: the same query as Strapi's, whose relations resolve one by one.
      return propre(parent, args, contexte, info);
    }
    for (const entree of Array.isArray(resultat) ? resultat : [resultat]) {
      if (entree !== null && typeof entree === 'object') prechargees.set(entree, new Set(relations.filter((nom) => nom in entree)));
    }
    // Settled here, the relation fields of every entry answer without waiting (a refusal, by each field, as before).
    await Promise.allSettled(relations.map((nom) => preautoriser(contexte, type, nom)));
    return resultat;
  };
}

const depuisLaPage =
  (nom: string, resolveur: Resolveur): Resolveur =>
  (parent, args, contexte, info) =>
    parent !== null && typeof parent === 'object' && prechargees.get(parent)?.has(nom)
      ? ((parent as Record<string, unknown>)[nom] ?? null)
      : resolveur(parent, args, contexte, info);

let installe = false;

/**
 * Sets the root queries of content types and their to-one relation fields in `schema` (before Strapi
 * wraps its resolvers). Called by graphql-resolveurs.ts when the schema is built.
 */
export function prechargerRelations(strapi: Core.Strapi, schema: GraphQLSchema, preautoriser: Preautorisation): void {
  if (!installe) {
    remplacer<typeof aiguillage.racine>(aiguillage, 'racine', 'performance', () => (_propre, avecRelations, ...appel) => avecRelations(...appel));
    installe = true;
  }
  const { naming } = strapi.plugin('graphql').service('utils') as { naming: { getTypeName(modele: Modele): string } };
  const candidatsParType = new Map<string, Set<string>>();
  for (const modele of Object.values(strapi.contentTypes) as unknown as Modele[]) {
    if (modele.uid.startsWith('api::')) candidatsParType.set(naming.getTypeName(modele), relationsAUnElement(modele));
  }
  for (const [type, candidats] of candidatsParType) {
    const definition = schema.getType(type);
    if (!(definition instanceof GraphQLObjectType)) continue;
    const champs = definition.getFields();
    for (const nom of candidats) {
      const champ = champs[nom];
      if (champ?.resolve) champ.resolve = depuisLaPage(nom, champ.resolve);
    }
  }
  for (const [nom, champ] of Object.entries(schema.getQueryType()?.getFields() ?? {})) {
    const modele = (champ.extensions as { strapi?: { contentType?: Modele } } | undefined)?.strapi?.contentType;
    const type = modele ? naming.getTypeName(modele) : '';
    const candidats = candidatsParType.get(type);
    if (!candidats || candidats.size === 0 || nom.endsWith('_connection') || !champ.resolve) continue;
    const propre = champ.resolve;
    const avecRelations = prechargeant(propre, type, candidats, preautoriser);
    champ.resolve = (parent, args, contexte, info) => aiguillage.racine(propre, avecRelations, parent, args, contexte, info);
  }
}
