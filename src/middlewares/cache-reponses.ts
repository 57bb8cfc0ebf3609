import { randomBytes } from 'crypto';
import { promisify } from 'util';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { cacheControl, cleDeCache, etagFort, nommeEtag, type Cacheables, type RequeteHttp } from '../domaine/cache-reponses';
import { choisirEncodage, OPTIONS_BROTLI, SEUIL_COMPRESSION_OCTETS, type Encodage } from '../domaine/compression';
import { LECTURE_PUBLIQUE, LECTURES_CALCULEES } from '../domaine/visibilite';
import { lireGeneration } from '../documents/generation';
import { corpsJson } from './json-une-fois';

interface Reponse {
  corps: Buffer;
  type: string;
  /** compressed variants, made the first time a client asks for one */
  variantes: Map<Exclude<Encodage, 'identity'>, Promise<Buffer>>;
}

interface Configuration {
  actif?: boolean;
  /** number of responses kept (least recently used forgotten first) */
  capacite?: number;
  /** larger responses are not kept */
  tailleMaxOctets?: number;
  /**
   * The requests this instance takes: `sans-corps` (GET, HEAD), placed before the body parser and the
   * input checks, or `avec-corps` (the others: GraphQL), after them; both when absent.
   */
  partie?: 'sans-corps' | 'avec-corps';
}

const SANS_CORPS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Thrown by the request that computed a response which is not to be kept: too large (served all the same), or not JSON. */
class NonConservee extends Error {
  constructor(readonly reponse: Reponse | null) {
    super('réponse non conservée');
  }
}

const compresseurs = {
  br: (corps: Buffer) => promisify(zlib.brotliCompress)(corps, OPTIONS_BROTLI),
  gzip: (corps: Buffer) => promisify(zlib.gzip)(corps),
};

/**
 * Global middleware `global::cache-reponses`: the anonymous reads of the content API (REST and GraphQL
 * queries) answered from memory while the content has not changed (generation of src/documents/
 * generation.ts, bumped by every write, whichever process writes). A public front-end asks the same
 * lists again and again: on a small server this is what keeps them fast. `X-Cache: HIT` or `MISS` says
 * which; requests with credentials, and anything but a 200 JSON answer, go through untouched.
 * Transport of what it serves: compressed here (variants kept with the entry, so a hit never
 * compresses again; `strapi::compression` leaves a body with a Content-Encoding alone), and for a GET
 * a strong ETag (generation, request, encoding) with `Cache-Control: no-cache`, so that a client's
 * `If-None-Match` is answered 304 before anything is computed.
 */
export default (config: Configuration, { strapi }: { strapi: Core.Strapi }) => {
  if (config.actif === false) return (_ctx: unknown, next: () => Promise<void>) => next();
  const cache = new CacheParGeneration<Reponse>(config.capacite ?? 1000);
  const tailleMax = config.tailleMaxOctets ?? 1024 * 1024;
  const instance = randomBytes(6).toString('base64url');
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
    if (config.partie !== undefined && SANS_CORPS.has(ctx.method) !== (config.partie === 'sans-corps')) return next();
    const requete: RequeteHttp = { methode: ctx.method, chemin: ctx.path, url: ctx.url, authentifiee: Boolean(ctx.get('authorization')) };
    // A GraphQL body is already parsed by `global::entrees`, which runs before this middleware.
    const cle = cleDeCache({ ...requete, corps: ctx.request.body }, lireCacheables());
    const controle = cacheControl(requete, lireCacheables());
    if (cle === null) {
      if (controle) ctx.set('Cache-Control', controle);
      return next();
    }
    const generation = await lireGeneration(strapi);
    const encodage = choisirEncodage(ctx.get('accept-encoding'));
    const etag = requete.methode === 'GET' ? etagFort(instance, generation, cle, encodage) : null;
    ctx.vary('Accept-Encoding');
    if (etag && nommeEtag(ctx.get('if-none-match'), etag)) {
      ctx.status = 304;
      ctx.set({ ETag: etag, 'Cache-Control': controle as string });
      return;
    }

    let calculeeIci = false;
    let servieDuCache = true;
    let reponse: Reponse | null;
    try {
      reponse = await cache.obtenir(cle, generation, async () => {
        calculeeIci = true;
        await next();
        const calculee = reponseJson(ctx);
        if (calculee === null || calculee.corps.length > tailleMax) throw new NonConservee(calculee);
        return calculee;
      });
    } catch (erreur) {
      if (calculeeIci && !(erreur instanceof NonConservee)) throw erreur;
      if (calculeeIci) reponse = (erreur as NonConservee).reponse;
      else {
        servieDuCache = false;
        // A request that waited on another one's computation runs its own when that one is not kept.
        await next();
        reponse = reponseJson(ctx);
      }
      if (reponse === null) return;
    }
    if (calculeeIci) ctx.set('X-Cache', 'MISS');
    else if (servieDuCache) ctx.set('X-Cache', 'HIT');
    ctx.status = 200;
    ctx.type = reponse.type;
    if (etag) ctx.set({ ETag: etag, 'Cache-Control': controle as string });
    await envoyer(ctx, reponse, encodage);
  };
};

/** Sends `reponse` in `encodage` (identity under the threshold); the compressed variant is made once. */
async function envoyer(ctx: any, reponse: Reponse, encodage: Encodage): Promise<void> {
  ctx.compress = false; // strapi::compression: this body is final
  if (encodage === 'identity' || reponse.corps.length < SEUIL_COMPRESSION_OCTETS) {
    ctx.body = reponse.corps;
    return;
  }
  let variante = reponse.variantes.get(encodage);
  if (!variante) {
    variante = compresseurs[encodage](reponse.corps);
    reponse.variantes.set(encodage, variante);
    variante.catch(() => reponse.variantes.delete(encodage));
  }
  ctx.body = await variante;
  ctx.set('Content-Encoding', encodage);
}

/**
 * The response of a 200 with a JSON body (an object for REST, a string for GraphQL), else null (error,
 * stream, file). A body with `errors` (GraphQL answers 200 with them) is null too: `global::messages-
 * francais`, outside this middleware, translates it on its way out, so it is neither kept nor encoded here.
 */
function reponseJson(ctx: any): Reponse | null {
  if (ctx.status !== 200) return null;
  const corps = ctx.body as unknown;
  const type = ctx.type as string;
  let texte: string;
  if (typeof corps === 'string') {
    if (!type.includes('json') || (corps.includes('"errors"') && aDesErreurs(lireJson(corps)))) return null;
    texte = corps;
  } else if (!corpsJson(corps) || aDesErreurs(corps)) return null;
  else texte = JSON.stringify(corps);
  return { corps: Buffer.from(texte), type, variantes: new Map() };
}

function lireJson(texte: string): unknown {
  try {
    return JSON.parse(texte);
  } catch {
    return { errors: 'illisible' }; // not kept
  }
}

const aDesErreurs = (corps: unknown): boolean => typeof corps === 'object' && corps !== null && ('errors' in corps || 'error' in corps);
