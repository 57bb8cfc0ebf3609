/**
 * The replacement of strapi::security sends, request by request, the headers Strapi's own `strapi::security` sends with
 * the same configuration: the configuration of config/middlewares.ts, on every kind of request
 * (API, documentation, GraphQL with and without its landing page, admin panel in development and in
 * production), so that a change of Strapi's defaults or exceptions is seen here.
 */
import path from 'path';
import configurationMiddlewares from '../../config/middlewares';
import { completerParDefauts, fusionner, securite } from '../../src/serveur/entetes-securite';

type Entetes = Record<string, unknown>;
type FabriqueStrapi = (config: unknown, contexte: unknown) => (ctx: unknown, next: () => Promise<unknown>) => unknown;

// Strapi's own middleware, from its package (not exported by name: read beside its entry point).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const securiteStrapi = (require(path.join(path.dirname(require.resolve('@strapi/core')), 'middlewares', 'security.js')) as { security: FabriqueStrapi }).security;

function fauxStrapi(playground: boolean) {
  const graphql = { service: () => ({ playground: { isEnabled: () => playground } }), config: (cle: string) => (cle === 'endpoint' ? '/graphql' : undefined) };
  return { plugin: (nom: string) => (nom === 'graphql' ? graphql : undefined), config: { get: (cle: string) => (cle === 'admin.path' ? '/admin' : undefined) } };
}

async function entetes(middleware: (ctx: any, next: () => Promise<unknown>) => unknown, method: string, path: string): Promise<Entetes> {
  const valeurs: Entetes = { 'x-deja-la': 'oui' };
  const res = {
    setHeader: (nom: string, valeur: unknown) => void (valeurs[nom.toLowerCase()] = valeur),
    removeHeader: (nom: string) => void delete valeurs[nom.toLowerCase()],
    getHeader: (nom: string) => valeurs[nom.toLowerCase()],
  };
  let suite = false;
  await middleware({ method, path, req: { method, url: path, headers: {} }, res }, async () => void (suite = true));
  expect(suite).toBe(true);
  return valeurs;
}

const configuration = () => {
  const env = Object.assign((_nom: string, defaut?: unknown) => defaut, { bool: (_n: string, d: boolean) => d, int: (_n: string, d: number) => d, array: (_n: string, d: string[]) => d });
  const entree = configurationMiddlewares({ env }).find((m) => typeof m === 'object' && m.name === 'strapi::security') as { config: Record<string, unknown> } | undefined;
  if (!entree) throw new Error('strapi::security absent de config/middlewares.ts');
  return entree.config;
};

const REQUETES: Array<[string, string]> = [
  ['GET', '/api/projets'],
  ['POST', '/api/projets'],
  ['GET', '/documentation/v1.0.0'],
  ['POST', '/documentation/login'],
  ['GET', '/graphql'],
  ['POST', '/graphql'],
  ['GET', '/admin'],
  ['GET', '/admin/content-manager'],
  ['POST', '/admin/login'],
  ['GET', '/uploads/logo.png'],
];

describe('entetes-securite : les en-têtes de strapi::security, helmet construit une fois par sorte de requête', () => {
  const environnement = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = environnement;
  });

  for (const nodeEnv of ['production', 'development', 'test']) {
    for (const playground of [false, true]) {
      it(`${nodeEnv}, page d’accueil GraphQL ${playground ? 'active' : 'coupée'} : mêmes en-têtes pour chaque requête`, async () => {
        process.env.NODE_ENV = nodeEnv;
        const strapi = fauxStrapi(playground);
        const notre = securite(configuration(), { strapi });
        const sienne = securiteStrapi(configuration(), { strapi });
        for (const [method, path] of [...REQUETES, ...REQUETES]) {
          const attendu = await entetes(sienne, method, path);
          expect(attendu['content-security-policy']).toEqual(expect.any(String));
          expect(await entetes(notre, method, path)).toEqual(attendu);
        }
      });
    }
  }

  it('la politique des pages spéciales diffère bien de celle de l’API (sinon la comparaison ne prouverait rien)', async () => {
    process.env.NODE_ENV = 'production';
    const notre = securite(configuration(), { strapi: fauxStrapi(true) });
    const api = await entetes(notre, 'GET', '/api/projets');
    const documentation = await entetes(notre, 'GET', '/documentation');
    expect(documentation['content-security-policy']).not.toEqual(api['content-security-policy']);
    expect(String(documentation['content-security-policy'])).toContain('cdn.jsdelivr.net');
    expect(String(api['content-security-policy'])).not.toContain('cdn.jsdelivr.net');
  });
});

describe('completerParDefauts et fusionner : les fusions de Strapi (lodash defaultsDeep, mergeWith)', () => {
  it('garde les valeurs données, null compris, et complète le reste', () => {
    expect(completerParDefauts({ a: 1, b: { c: 2, d: 3 }, e: 4 }, { b: { c: 5 }, e: null })).toEqual({ a: 1, b: { c: 5, d: 3 }, e: null });
  });
  it('complète un tableau indice par indice', () => {
    expect(completerParDefauts(['x', 'y', 'z'], ['a'])).toEqual(['a', 'y', 'z']);
    expect(completerParDefauts(['x'], ['a', 'b'])).toEqual(['a', 'b']);
  });
  it('met les tableaux bout à bout et remplace les valeurs simples', () => {
    expect(fusionner({ a: ['x'], b: 1, c: { d: ['y'] } }, { a: ['z'], b: 2, c: { d: ['w'], e: [] } })).toEqual({ a: ['x', 'z'], b: 2, c: { d: ['y', 'w'], e: [] } });
  });
});
