/**
 * Which requests the response cache (src/middlewares/cache-reponses.ts, docs/adr/cache-reponses-et-generation.md) may answer from memory: the
 * anonymous reads of the content API. A request with credentials (member, token, admin) is never
 * cached: what it sees depends on who it is. GraphQL is cached for anonymous queries only, never a
 * mutation. Pure.
 */
import { createHash } from 'crypto';
import { parse, type DocumentNode } from 'graphql';
import type { Encodage } from './compression';

export interface RequeteHttp {
  methode: string;
  /** path without the query string */
  chemin: string;
  /** path with the query string */
  url: string;
  authentifiee: boolean;
  /** parsed JSON body (GraphQL) */
  corps?: unknown;
}

/** What may be cached: the first path segments of the REST routes (`projets`, `recherche`…), and the GraphQL endpoint. */
export interface Cacheables {
  collections: ReadonlySet<string>;
  graphql: string;
}

/** Whether the body of this request is a GraphQL query to read (Strapi's body parser leaves it to the plugin). */
export const estRequeteGraphqlAnonyme = (requete: Omit<RequeteHttp, 'corps'>, cacheables: Cacheables): boolean =>
  !requete.authentifiee && requete.methode === 'POST' && requete.chemin === cacheables.graphql;

/** The cache key of a request, or null when it must reach Strapi. */
export function cleDeCache(requete: RequeteHttp, cacheables: Cacheables): string | null {
  if (requete.authentifiee) return null;
  if (requete.methode === 'GET' && requete.chemin.startsWith('/api/')) {
    const collection = requete.chemin.slice('/api/'.length).split('/')[0];
    return cacheables.collections.has(collection) ? `GET ${requete.url}` : null;
  }
  if (estRequeteGraphqlAnonyme(requete, cacheables)) {
    const requeteGraphql = lectureGraphql(requete.corps);
    return requeteGraphql === null ? null : `GRAPHQL ${requeteGraphql}`;
  }
  return null;
}

/** The canonical text of a GraphQL body when it only reads (every operation a query), else null. */
function lectureGraphql(corps: unknown): string | null {
  if (typeof corps !== 'object' || corps === null) return null;
  const { query, variables, operationName } = corps as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return null; // Strapi answers the syntax error
  }
  const lectureSeule = document.definitions.every((d) => d.kind !== 'OperationDefinition' || d.operation === 'query');
  return lectureSeule ? JSON.stringify([query, variables ?? null, operationName ?? null]) : null;
}

/**
 * `Cache-Control` of a read the cache keys: `no-cache` for an anonymous one (kept, revalidated with its
 * ETag at every use), `private, no-cache` for the same read with credentials (never in a shared cache);
 * null for anything else (the route decides).
 */
export function cacheControl(requete: RequeteHttp, cacheables: Cacheables): string | null {
  if (requete.methode !== 'GET' || cleDeCache({ ...requete, authentifiee: false }, cacheables) === null) return null;
  return requete.authentifiee ? 'private, no-cache' : 'no-cache';
}

/**
 * Strong validator of an anonymous read: the same request at the same generation of the content gives
 * the same bytes, in one content-encoding (a strong ETag names one representation). `instance` is
 * drawn at start-up: a new version of the code may answer the same request differently.
 */
export function etagFort(instance: string, generation: number, cle: string, encodage: Encodage): string {
  return `"${instance}-${generation}-${createHash('sha1').update(cle).digest('base64url').slice(0, 16)}-${encodage}"`;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, RFC 9110 §13.1.2); `*` is left to the route. */
export function nommeEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidat) => candidat.trim().replace(/^W\//, '') === etag);
}
