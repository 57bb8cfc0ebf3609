/**
 * GraphQL fields resolved without Strapi's wrapper where it has nothing to run.
 *
 * The GraphQL plugin wraps the resolver of every field of every object type (its `wrap-resolvers.js`):
 * an async function runs the authorization, the field's middlewares, then a policy middleware that
 * builds a policy context, and only then the field's own resolver. For a list of 25 projets with their
 * collectivité and thématique that is a thousand wrappers, each with its promises and its context:
 * most of the request's CPU. For a field of an object type (not Query, Mutation, Subscription) whose
 * resolver configuration has no `auth`, no middleware and no policy, the wrapper's authorization does
 * nothing and its only middleware calls the resolver: the field is given its own resolver directly
 * (same value; the wrapper only added promises). Root fields and configured fields keep the wrapper.
 *
 * Replaces the plugin's `wrapResolvers` (module export, called once when the schema is built) and
 * routes each light field through `aiguillage.resoudre`, itself replaced, so that tests and the bench
 * can put Strapi's wrapper back (src/api-contenu/remplacements.ts) on a running server.
 * `verifierFormeEnveloppe` refuses to start when the module no longer has the shape relied on here.
 */
import path from 'node:path';
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { get, getOr } from 'lodash/fp';
import { remplacer } from './remplacements';

type Resolveur = GraphQLFieldResolver<unknown, unknown>;
interface Options {
  schema: GraphQLSchema;
  extension?: { resolversConfig?: Record<string, unknown> };
  [autre: string]: unknown;
}
type Envelopper = (options: Options) => GraphQLSchema;

const TYPES_RACINE: ReadonlySet<string> = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Whether Strapi's wrapper of `type.champ` has nothing to run: the same reading of the resolver
 * configuration as the plugin's (`getOr` on the `type.champ` path). Pure.
 */
export function sansEnveloppe(type: string, champ: string, resolversConfig: Record<string, unknown>): boolean {
  if (TYPES_RACINE.has(type) || champ.startsWith('__') || type.startsWith('__')) return false;
  const configuration = getOr({}, `${type}.${champ}`, resolversConfig) as Record<string, unknown> | null;
  if (configuration === null || typeof configuration !== 'object') return true;
  const vide = (valeur: unknown) => valeur === undefined || valeur === null || (Array.isArray(valeur) && valeur.length === 0);
  return (configuration.auth === undefined || configuration.auth === null) && vide(configuration.middlewares) && vide(configuration.policies);
}

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
  resoudre(_propre: Resolveur, enveloppe: Resolveur, ...appel: Parameters<Resolveur>): unknown {
    return enveloppe(...appel);
  },
};

export function resoudreSansEnveloppeInutile(module: Record<string, unknown> = moduleEnveloppe()): void {
  verifierFormeEnveloppe(module);
  remplacer<typeof aiguillage.resoudre>(aiguillage, 'resoudre', 'performance', () => (propre, _enveloppe, ...appel) => propre(...appel));
  remplacer<Envelopper>(module, 'wrapResolvers', 'performance', (origine) => (options) => {
    const resolversConfig = options.extension?.resolversConfig ?? {};
    const legers: Array<{ champ: { resolve?: Resolveur }; propre: Resolveur }> = [];
    for (const [type, definition] of Object.entries(options.schema.getTypeMap())) {
      if (!(definition instanceof GraphQLObjectType)) continue;
      for (const [nom, champ] of Object.entries(definition.getFields())) {
        // Strapi's wrapper calls the field's resolver, or reads the property of that name.
        if (sansEnveloppe(type, nom, resolversConfig)) legers.push({ champ, propre: champ.resolve ?? (get(nom) as Resolveur) });
      }
    }
    const schema = origine(options);
    for (const { champ, propre } of legers) {
      const enveloppe = champ.resolve as Resolveur;
      champ.resolve = (...appel) => aiguillage.resoudre(propre, enveloppe, ...appel);
    }
    return schema;
  });
}
