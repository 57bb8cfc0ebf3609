import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { cleDeCache, type Cacheables, type RequeteHttp } from '../domaine/cache-reponses';
import { LECTURE_PUBLIQUE, LECTURES_CALCULEES } from '../domaine/visibilite';
import { lireGeneration } from '../documents/generation';

interface Reponse {
  corps: string;
  type: string;
}

interface Configuration {
  actif?: boolean;
  /** number of responses kept (least recently used forgotten first) */
  capacite?: number;
  /** larger responses are not kept */
  tailleMaxOctets?: number;
}

/** Thrown by the request that computed a response which is not to be kept (error, stream, too large). */
class NonConservee extends Error {}

/**
 * Global middleware `global::cache-reponses`: the anonymous reads of the content API (REST and GraphQL
 * queries) answered from memory while the content has not changed (generation of src/documents/
 * generation.ts, bumped by every write, whichever process writes). A public front-end asks the same
 * lists again and again: on a small server this is what keeps them fast. `X-Cache: HIT` or `MISS` says
 * which; requests with credentials, and anything but a 200 JSON answer, go through untouched.
 */
export default (config: Configuration, { strapi }: { strapi: Core.Strapi }) => {
  if (config.actif === false) return (_ctx: unknown, next: () => Promise<void>) => next();
  const cache = new CacheParGeneration<Reponse>(config.capacite ?? 1000);
  const tailleMax = config.tailleMaxOctets ?? 1024 * 1024;
  let cacheables: Cacheables | undefined;
  const lireCacheables = (): Cacheables =>
    (cacheables ??= {
      collections: new Set([
        ...LECTURE_PUBLIQUE.map((uid) => strapi.contentType(uid as any).info.pluralName as string),
        ...LECTURES_CALCULEES.map((l) => l.collection),
      ]),
      graphql: strapi.plugin('graphql').config('endpoint') as string,
    });

  return async (ctx: any, next: () => Promise<void>) => {
    const requete: RequeteHttp = { methode: ctx.method, chemin: ctx.path, url: ctx.url, authentifiee: Boolean(ctx.get('authorization')) };
    // A GraphQL body is already parsed by `global::entrees`, which runs before this middleware.
    const cle = cleDeCache({ ...requete, corps: ctx.request.body }, lireCacheables());
    if (cle === null) return next();
    let calculeeIci = false;
    let reponse: Reponse;
    try {
      reponse = await cache.obtenir(cle, await lireGeneration(strapi), async () => {
        calculeeIci = true;
        await next();
        const corps = ctx.status === 200 ? corpsJson(ctx.body, ctx.type) : null;
        if (corps === null || Buffer.byteLength(corps) > tailleMax) throw new NonConservee();
        ctx.body = corps;
        return { corps, type: ctx.type as string };
      });
    } catch (erreur) {
      // A request that waited on another one's computation runs its own when that one is not kept.
      if (!calculeeIci) return next();
      if (erreur instanceof NonConservee) return;
      throw erreur;
    }
    ctx.set('X-Cache', calculeeIci ? 'MISS' : 'HIT');
    if (calculeeIci) return;
    ctx.status = 200;
    ctx.type = reponse.type;
    ctx.body = reponse.corps;
  };
};

/** The JSON text of a response body (an object for REST, a string for GraphQL), null for a stream or a file. */
function corpsJson(corps: unknown, type: string): string | null {
  if (typeof corps === 'string') return type.includes('json') ? corps : null;
  if (typeof corps !== 'object' || corps === null || Buffer.isBuffer(corps) || typeof (corps as { pipe?: unknown }).pipe === 'function') return null;
  return JSON.stringify(corps);
}
