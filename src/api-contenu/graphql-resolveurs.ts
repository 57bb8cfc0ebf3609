/**
 * GraphQL fields resolved without Strapi's wrapper where it has nothing, or only an authorization, to run.
 *
 * The GraphQL plugin wraps the resolver of every field of every object type (its `wrap-resolvers.js`):
 * an async function runs the authorization, the field's middlewares, then a policy middleware that
 * builds a policy context, and only then the field's own resolver. For a list of 25 projets with their
 * collectivité and thématique that is a thousand wrappers, each with its promises and its context:
 * most of the request's CPU. For a field of an object type (not Query, Mutation, Subscription) whose
 * resolver configuration has no middleware and no policy:
 *  - without `auth`, the wrapper's authorization does nothing and its only middleware calls the
 *    resolver: the field is given its own resolver directly (same value; the wrapper only added promises);
 *  - with an `auth` scope (the relation fields: the target's `find`), the field runs the same
 *    `strapi.auth.verify` of the caller against that scope, once per request and scope rather than
 *    once per parent (its outcome depends on nothing else), then its resolver; a refusal is the same
 *    ForbiddenError. The empty policy middleware, which only built a policy context, is skipped.
 * Root fields and fields with middlewares or policies keep the wrapper.
 *
 * Replaces the plugin's `wrapResolvers` (module export, called once when the schema is built) and
 * routes each light field through `aiguillage.resoudre`, itself replaced, so that tests and the bench
 * can put Strapi's wrapper back (src/api-contenu/remplacements.ts) on a running server.
 * `verifierFormeEnveloppe` refuses to start when the module no longer has the shape relied on here.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { getOr } from 'lodash/fp';
import { ecrireDatesTelles } from './graphql-dates';
import { prechargerRelations } from './graphql-prechargement';
import { remplacer } from './remplacements';

type Resolveur = GraphQLFieldResolver<unknown, unknown>;
type Arguments = Parameters<Resolveur>[1];
interface Options {
  schema: GraphQLSchema;
  extension?: { resolversConfig?: Record<string, unknown> };
  [autre: string]: unknown;
}
type Envelopper = (options: Options) => GraphQLSchema;

const TYPES_RACINE: ReadonlySet<string> = new Set(['Query', 'Mutation', 'Subscription']);

/** What Strapi's wrapper of a field would run: nothing, only the caller's authorization, or more. */
export type Enveloppe = 'aucune' | 'autorisation' | 'complete';

/** The resolver configuration of `type.champ`, read as the plugin reads it (keys may be flat `Type.champ` paths). */
const configurationDe = (type: string, champ: string, resolversConfig: Record<string, unknown>) =>
  getOr({}, `${type}.${champ}`, resolversConfig) as Record<string, unknown> | null;

/**
 * What Strapi's wrapper of `type.champ` runs, from the same reading of the resolver configuration as
 * the plugin's (`getOr` on the `type.champ` path; authorization unless `auth` is absent or false on a
 * non-root type). Pure.
 */
export function enveloppeDe(type: string, champ: string, resolversConfig: Record<string, unknown>): Enveloppe {
  if (TYPES_RACINE.has(type) || champ.startsWith('__') || type.startsWith('__')) return 'complete';
  const configuration = configurationDe(type, champ, resolversConfig);
  if (configuration === null || typeof configuration !== 'object') return 'aucune';
  const vide = (valeur: unknown) => valeur === undefined || valeur === null || (Array.isArray(valeur) && valeur.length === 0);
  if (!vide(configuration.middlewares) || !vide(configuration.policies)) return 'complete';
  const auth = configuration.auth;
  return auth === undefined || auth === null || auth === false ? 'aucune' : 'autorisation';
}

type Verification = (auth: unknown, configuration: unknown) => unknown;
interface Etat {
  promesse: Promise<unknown>;
  accordee: boolean;
}

/**
 * `verifier(auth, configuration)` once per request (the GraphQL context) and configuration: the
 * relation fields of 25 parents share their scope's outcome, a refusal as well. Once granted, it is
 * known without waiting (`accordee`): a field can then answer without a promise.
 */
export class AutorisationsParRequete {
  private readonly parRequete = new WeakMap<object, Map<unknown, Etat>>();
  constructor(private readonly verifier: Verification) {}

  verification(contexte: unknown, configuration: unknown): Promise<unknown> {
    const auth = (contexte as { state?: { auth?: unknown } } | undefined)?.state?.auth;
    const lancer = () => Promise.resolve().then(() => this.verifier(auth, configuration));
    if (contexte === null || typeof contexte !== 'object') return lancer();
    let etats = this.parRequete.get(contexte);
    if (!etats) this.parRequete.set(contexte, (etats = new Map()));
    let etat = etats.get(configuration);
    if (!etat) {
      const nouvel: Etat = { promesse: lancer(), accordee: false };
      nouvel.promesse.then(
        () => (nouvel.accordee = true),
        () => undefined,
      );
      etats.set(configuration, (etat = nouvel));
    }
    return etat.promesse;
  }

  accordee(contexte: unknown, configuration: unknown): boolean {
    return contexte !== null && typeof contexte === 'object' && this.parRequete.get(contexte)?.get(configuration)?.accordee === true;
  }
}

/** Strapi's wrapper's reading of a field without resolver: the parent's property of that name (lodash `get`). */
const propriete =
  (nom: string): Resolveur =>
  (parent) =>
    parent === null || parent === undefined ? undefined : (parent as Record<string, unknown>)[nom];

/** The plugin's module whose `wrapResolvers` export is replaced (the package exports no such path). */
function moduleEnveloppe(): Record<string, unknown> {
  const racine = path.dirname(require.resolve('@strapi/plugin-graphql/package.json'));
  return require(path.join(racine, 'dist/server/services/content-api/wrap-resolvers.js')) as Record<string, unknown>;
}

/** Refuses (throws, in French) when the plugin no longer builds its wrappers the way relied on here. */
export function verifierFormeEnveloppe(module: Record<string, unknown>): void {
  const fonction = module.wrapResolvers;
  if (typeof fonction !== 'function' || fonction.length !== 1) {
    throw new Error(
      'Démarrage refusé : le greffon GraphQL de Strapi n’enveloppe plus ses résolveurs comme attendu (src/api-contenu/graphql-resolveurs.ts) : ' +
        `wrapResolvers est ${typeof fonction === 'function' ? `une fonction à ${fonction.length} paramètre(s)` : typeof fonction}. Adaptez ce module à la nouvelle version de Strapi.`,
    );
  }
}

/** Where each light field goes: its own resolver (replacement) or Strapi's wrapper (origin). */
const aiguillage = {
  resoudre(_propre: Resolveur, enveloppe: Resolveur, parent: unknown, args: Arguments, contexte: unknown, info: GraphQLResolveInfo): unknown {
    return enveloppe(parent, args, contexte, info);
  },
};

export function resoudreSansEnveloppeInutile(strapi: Core.Strapi, module: Record<string, unknown> = moduleEnveloppe()): void {
  verifierFormeEnveloppe(module);
  const autorisations = new AutorisationsParRequete((auth, configuration) => strapi.auth.verify(auth as never, configuration as never));
  const refus = () => {
    throw new errors.ForbiddenError();
  };
  const apresAutorisation =
    (configuration: unknown, resolveur: Resolveur): Resolveur =>
    (parent, args, contexte, info) =>
      autorisations.accordee(contexte, configuration)
        ? resolveur(parent, args, contexte, info)
        : autorisations.verification(contexte, configuration).then(() => resolveur(parent, args, contexte, info), refus);
  remplacer<typeof aiguillage.resoudre>(aiguillage, 'resoudre', 'performance', () => (propre, _enveloppe, parent, args, contexte, info) => propre(parent, args, contexte, info));
  remplacer<Envelopper>(module, 'wrapResolvers', 'performance', (origine) => (options) => {
    const resolversConfig = options.extension?.resolversConfig ?? {};
    // Relations loaded with their page: their authorization is asked by the root query, known by the time they resolve.
    prechargerRelations(strapi, options.schema, (contexte, type, champ) => autorisations.verification(contexte, configurationDe(type, champ, resolversConfig)?.auth));
    const legers: Array<{ champ: { resolve?: Resolveur }; propre: Resolveur }> = [];
    for (const [type, definition] of Object.entries(options.schema.getTypeMap())) {
      if (!(definition instanceof GraphQLObjectType)) continue;
      for (const [nom, champ] of Object.entries(definition.getFields())) {
        // Strapi's wrapper calls the field's resolver, or reads the property of that name.
        const enveloppe = enveloppeDe(type, nom, resolversConfig);
        const resolveur = champ.resolve ?? propriete(nom);
        if (enveloppe === 'aucune') legers.push({ champ, propre: resolveur });
        else if (enveloppe === 'autorisation') legers.push({ champ, propre: apresAutorisation(configurationDe(type, nom, resolversConfig)?.auth, resolveur) });
      }
    }
    const schema = origine(options);
    ecrireDatesTelles(schema);
    for (const { champ, propre } of legers) {
      const enveloppe = champ.resolve as Resolveur;
      champ.resolve = (parent, args, contexte, info) => aiguillage.resoudre(propre, enveloppe, parent, args, contexte, info);
    }
    return schema;
  });
}
