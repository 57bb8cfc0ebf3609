import { CONFIGURATION_COMPRESSION } from '../src/domaine/compression';

const KO = 1024;

/** The response cache, in two places: the requests without a body, and the others (src/middlewares/cache-reponses.ts). */
const cacheReponses = (env: any, partie: 'sans-corps' | 'avec-corps') => ({
  actif: env.bool('CACHE_REPONSES', true),
  capacite: env.int('CACHE_REPONSES_CAPACITE', 1000),
  partie,
});

export default ({ env }: { env: any }) => [
  // Strapi's request line, skipped when no transport takes the http level.
  'global::journal-http',
  'strapi::errors',
  // gzip/brotli of every compressible response (JSON, GraphQL, CSV streams compressed on the fly), not
  // of media already compressed (images, PDF, archives); the response cache sends its own variants.
  { name: 'strapi::compression', config: CONFIGURATION_COMPRESSION },
  // Inside the compression, which measures the body: JSON written once, not twice.
  'global::json-une-fois',
  'global::messages-francais',
  'global::limite-debit',
  // Strapi's security headers (helmet), helmet built once per kind of request (src/serveur/entetes-securite.ts).
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:'],
          'img-src': ["'self'", 'data:', 'blob:', 'https:'],
          'media-src': ["'self'", 'data:', 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      origin: env.array('CORS_ORIGINS', ['http://localhost:1337', 'http://localhost:3000']),
      credentials: true,
    },
  },
  'strapi::poweredBy',
  // Reads without a body (REST GETs) answered before the query and body parsers and the input checks:
  // a kept response was computed for the same address, which those checks had accepted.
  { name: 'global::cache-reponses', config: cacheReponses(env, 'sans-corps') },
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: `${env.int('BODY_JSON_LIMIT_KO', 1024) * KO}b`,
      formLimit: `${env.int('BODY_JSON_LIMIT_KO', 1024) * KO}b`,
      textLimit: `${env.int('BODY_JSON_LIMIT_KO', 1024) * KO}b`,
      formidable: { maxFileSize: env.int('UPLOAD_SIZE_LIMIT_MO', 20) * KO * KO },
    },
  },
  // Hostile input refused before the cache and the routes (reads the GraphQL body, kept for both).
  {
    name: 'global::entrees',
    config: { profondeurJsonMax: env.int('BODY_JSON_PROFONDEUR_MAX', 64), tailleCorpsMax: `${env.int('BODY_JSON_LIMIT_KO', 1024) * KO}b` },
  },
  // GraphQL reads, after the body parser and global::entrees, which parses GraphQL bodies (queries are keyed by their body).
  { name: 'global::cache-reponses', config: cacheReponses(env, 'avec-corps') },
  'strapi::session',
  'strapi::favicon',
  // Before the static servers: members-only files refused by address, sandbox CSP on uploads.
  'global::fichiers',
  'strapi::public',
];
