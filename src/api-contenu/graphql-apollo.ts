/**
 * The Apollo Server that Strapi's GraphQL plugin starts: its plugins and options (config/plugins.ts),
 * and where its field hooks apply.
 *
 * Apollo installs its cache-control plugin unless told not to: a hook on every field of every object,
 * computing cache hints that this schema never declares, to end on `Cache-Control: no-store` for every
 * response. It is replaced by that outcome alone.
 */
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import { remplacer } from './remplacements';

/** What Apollo's cache-control plugin answers when no field declares a hint. */
const CACHE_CONTROL_GRAPHQL = 'no-store';

const sansCacheHttp: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', CACHE_CONTROL_GRAPHQL);
      },
    };
  },
};

export const pluginsApollo = (): ApolloServerPlugin[] => [ApolloServerPluginCacheControlDisabled(), sansCacheHttp];

/** Apollo indents its responses by default (two spaces): a third more bytes and CPU for clients that parse them. */
export const reponseCompacte = (resultat: unknown): string => JSON.stringify(resultat);

type Instrumenter = (schema: GraphQLSchema) => GraphQLSchema;

/** Apollo's module that wraps field resolvers for `willResolveField` listeners (not among the package's exports). */
function moduleInstrumentation(): Record<string, unknown> {
  const greffon = path.dirname(require.resolve('@strapi/plugin-graphql/package.json'));
  const apollo = require.resolve('@apollo/server', { paths: [greffon] });
  return require(path.join(path.dirname(apollo), 'utils/schemaInstrumentation.js')) as Record<string, unknown>;
}

/** Refuses (throws, in French) when Apollo no longer instruments its schema the way relied on here. */
export function verifierFormeInstrumentation(module: Record<string, unknown>): void {
  const fonction = module.enablePluginsForSchemaResolvers;
  if (typeof fonction !== 'function' || fonction.length !== 1) {
    throw new Error(
      'Démarrage refusé : Apollo Server n’instrumente plus les résolveurs de son schéma comme attendu (src/api-contenu/graphql-apollo.ts) : ' +
        `enablePluginsForSchemaResolvers est ${typeof fonction === 'function' ? `une fonction à ${fonction.length} paramètre(s)` : typeof fonction}. Adaptez ce module à la nouvelle version d’Apollo Server.`,
    );
  }
}

/**
 * Apollo's `willResolveField` hooks on root fields only. As soon as one plugin listens to that hook,
 * Apollo wraps the resolver of every field of the schema, a thousand calls per list of 25 projets.
 * The only listener on this server is Strapi's root-arguments plugin (the draft status a root query
 * hands down to its relations), which acts on root fields alone (`!source`); Apollo's own listeners
 * are not installed here (cache control is disabled above, inline traces are for federated subgraphs),
 * except usage reporting when `APOLLO_KEY` is set, which then gets every field as before. Apollo's own
 * wrapping is applied, to a view of the schema that holds its root types.
 */
export function instrumenterChampsRacine(module: Record<string, unknown> = moduleInstrumentation()): void {
  verifierFormeInstrumentation(module);
  const instrumentes = new WeakSet<GraphQLSchema>();
  remplacer<Instrumenter>(module, 'enablePluginsForSchemaResolvers', 'performance', (origine) => (schema) => {
    if (process.env.APOLLO_KEY) return origine(schema);
    if (instrumentes.has(schema)) return schema;
    instrumentes.add(schema);
    const racines = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((type): type is NonNullable<typeof type> => Boolean(type));
    const typeMap: Record<string, GraphQLNamedType> = Object.fromEntries(racines.map((type) => [type.name, type]));
    origine({ getTypeMap: () => typeMap } as unknown as GraphQLSchema);
    return schema;
  });
}
