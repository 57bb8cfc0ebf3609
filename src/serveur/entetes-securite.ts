/**
 * `strapi::security` replaced in Strapi's registry of middlewares (it is a required middleware, named
 * as such in config/middlewares.ts, which gives its configuration): the same helmet headers
 * (Strapi's defaults, this project's CSP from config/middlewares.ts, Strapi's exceptions for the
 * documentation, the GraphQL landing page and the admin panel's live reload in development), with
 * helmet built once per kind of request. Strapi's middleware deep-merges its configuration and builds
 * helmet again on every request: about a quarter of the CPU of a response served from the cache.
 * tests/unit/entetes-securite.test.ts compares the headers with Strapi's own middleware, request by request.
 */
import helmet from 'koa-helmet';
import { CSP_DEFAULTS } from '@strapi/utils';

type Config = Record<string, unknown>;
type Middleware = (ctx: Contexte, next: () => Promise<unknown>) => Promise<unknown>;
interface Contexte {
  method: string;
  path: string;
}
interface StrapiSecurite {
  plugin(nom: string): { service(nom: string): unknown; config(cle: string): unknown } | undefined;
  config: { get(cle: string): unknown };
}

/** Strapi's defaults (`@strapi/core`, middlewares/security), which the application's configuration completes. */
const DEFAUTS_STRAPI: Config = {
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: false,
  originAgentCluster: false,
  contentSecurityPolicy: { useDefaults: true, directives: { ...CSP_DEFAULTS, upgradeInsecureRequests: null } },
  xssFilter: false,
  hsts: { maxAge: 31536000, includeSubDomains: true },
  frameguard: { action: 'sameorigin' },
};

const estObjet = (valeur: unknown): valeur is Config => valeur !== null && typeof valeur === 'object' && !Array.isArray(valeur);

/**
 * `config` completed by `defauts` at every depth, arrays index by index, as lodash's `defaultsDeep`
 * (what Strapi applies): a value the configuration gives, null included, is kept. Pure.
 */
export function completerParDefauts(defauts: unknown, config: unknown): unknown {
  if (config === undefined) return defauts;
  if (Array.isArray(config) && Array.isArray(defauts)) return defauts.length > config.length ? [...config, ...defauts.slice(config.length)] : config;
  if (!estObjet(config) || !estObjet(defauts)) return config;
  const resultat: Config = { ...config };
  for (const [cle, valeur] of Object.entries(defauts)) resultat[cle] = completerParDefauts(valeur, config[cle]);
  return resultat;
}

/** `base` with `ajout` merged in at every depth, arrays put end to end, as Strapi merges its exceptions. Pure. */
export function fusionner(base: unknown, ajout: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(ajout)) return [...base, ...ajout];
  if (!estObjet(base) || !estObjet(ajout)) return ajout === undefined ? base : ajout;
  const resultat: Config = { ...base };
  for (const [cle, valeur] of Object.entries(ajout)) resultat[cle] = fusionner(base[cle], valeur);
  return resultat;
}

/** The directives Strapi opens on the documentation and the GraphQL landing page (GET only). */
function exceptionsPagesSpeciales(playground: boolean): Config {
  const directives: Record<string, string[]> = {
    'script-src': ["'self'", "'unsafe-inline'", 'cdn.jsdelivr.net'],
    'img-src': ["'self'", 'data:', 'cdn.jsdelivr.net', 'strapi.io'],
    'manifest-src': [],
    'frame-src': [],
  };
  if (playground) {
    directives['script-src'].push(`https: 'unsafe-inline'`);
    directives['img-src'].push(`'apollo-server-landing-page.cdn.apollographql.com'`);
    directives['manifest-src'].push(`'self'`, 'apollo-server-landing-page.cdn.apollographql.com');
    directives['frame-src'].push(`'self'`, 'sandbox.embed.apollographql.com');
  }
  return { crossOriginEmbedderPolicy: false, contentSecurityPolicy: { directives } };
}

/** What the admin panel's live reload (vite) needs, in development and test only. */
const EXCEPTIONS_RECHARGEMENT_ADMIN: Config = {
  contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'connect-src': ["'self'", 'http:', 'https:', 'ws:'] } },
};

export const securite = (config: Config, { strapi }: { strapi: StrapiSecurite }) => {
  const base = completerParDefauts(DEFAUTS_STRAPI, config);
  const developpement = ['development', 'test'].includes(process.env.NODE_ENV ?? '');
  // Read on the first request, once the plugins are loaded; their configuration does not change while the server runs.
  let contexte: { playground: boolean; cheminsSpeciaux: string[]; cheminAdmin: string } | undefined;
  const lireContexte = () => {
    const graphql = strapi.plugin('graphql');
    const utilitaires = graphql?.service('utils') as { playground?: { isEnabled(): boolean } } | undefined;
    const playground = utilitaires?.playground?.isEnabled() === true;
    const cheminsSpeciaux = ['/documentation', ...(playground && graphql ? [String(graphql.config('endpoint'))] : [])];
    return { playground, cheminsSpeciaux, cheminAdmin: String(strapi.config.get('admin.path')) };
  };
  const instances = new Map<string, Middleware>();
  return (ctx: Contexte, next: () => Promise<unknown>) => {
    contexte ??= lireContexte();
    const get = ctx.method === 'GET';
    const special = get && contexte.cheminsSpeciaux.some((chemin) => ctx.path.startsWith(chemin));
    const admin = developpement && get && ctx.path.startsWith(contexte.cheminAdmin);
    const cle = `${special}:${admin}`;
    let instance = instances.get(cle);
    if (!instance) {
      let configuration = base;
      if (special) configuration = fusionner(configuration, exceptionsPagesSpeciales(contexte.playground));
      if (admin) configuration = fusionner(configuration, EXCEPTIONS_RECHARGEMENT_ADMIN);
      instance = helmet(configuration as Parameters<typeof helmet>[0]) as unknown as Middleware;
      instances.set(cle, instance);
    }
    return instance(ctx, next);
  };
};

/** Puts `securite` in place of Strapi's `strapi::security`, before the middlewares are built (register). */
export function remplacerSecuriteStrapi(strapi: { get(nom: 'middlewares'): { extend(uid: string, remplacer: (origine: unknown) => unknown): unknown } }): void {
  strapi.get('middlewares').extend('strapi::security', () => securite);
}
