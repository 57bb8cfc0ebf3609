/**
 * Apollo Server plugins given to Strapi's GraphQL plugin (config/plugins.ts).
 *
 * Apollo installs its cache-control plugin unless told not to: a hook on every field of every object,
 * computing cache hints that this schema never declares, to end on `Cache-Control: no-store` for every
 * response. It is replaced by that outcome alone.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

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
