import { secret } from '../src/config/secrets';
import { configurationStockage } from '../src/config/stockage';
import { lireDomainesAutorises } from '../src/domaine/domaines-membres';
import { finaliserDescription } from '../src/api-contenu/openapi';
import { decrireStatistiques } from '../src/statistiques/openapi';
import { decrireSimilaires } from '../src/similaires/openapi';
import { decrireSyntheses } from '../src/syntheses/openapi';
import { decrireExportsRegistres } from '../src/transparence/exports/openapi';
import { decrireTransparence } from '../src/transparence/openapi';
import { decrireRecherche } from '../src/recherche/openapi';
import { decrireSignalements } from '../src/signalements/openapi';
import { decrireAbonnements } from '../src/abonnements/openapi';
import { decrireVersions } from '../src/versions/openapi';
import { decrireFichiersRessources } from '../src/api/ressource/openapi';
import { pluginsApollo, reponseCompacte } from '../src/api-contenu/graphql-apollo';
import { regleCout } from '../src/domaine/graphql-cout';
import { REGLES_REVUE, TYPES_REVUS } from '../src/config/revue-editoriale';

const MO = 1024 * 1024;

/** Uploads agents may attach: images, PDF, CSV, spreadsheets (ODS/XLSX) and ZIP archives. */
export const TYPES_MIME_AUTORISES = [
  'image/*',
  'application/pdf',
  'text/csv',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
  'application/x-zip-compressed',
];

function email(env: any) {
  const host = env('SMTP_HOST');
  if (!host) {
    // Development without SMTP: emails go to the log instead of failing (production refuses to start
    // without it, src/config/secrets.ts; `strapi build` reads this file and needs no SMTP server).
    return { provider: 'strapi-provider-email-journal', providerOptions: {} };
  }
  return {
    provider: 'nodemailer',
    providerOptions: {
      host,
      port: env.int('SMTP_PORT', 587),
      secure: env.bool('SMTP_SECURE', false),
      ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
      auth: env('SMTP_USERNAME') ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } : undefined,
    },
  };
}

export default ({ env }: { env: any }) => ({
  // Import of projets from the admin panel (dry run, confirmation, progress): modérateurs only.
  'import-projets': {
    enabled: true,
    resolve: './src/plugins/import-projets',
    config: { tailleMaxMo: env.int('IMPORT_TAILLE_MAX_MO', 10) },
  },
  // Review before publication; REVUE_EDITORIALE=false leaves Strapi's own publication (README, « Rôles et circuit de revue éditoriale »).
  'revue-editoriale': {
    enabled: env.bool('REVUE_EDITORIALE', true),
    resolve: './src/plugins/revue-editoriale',
    config: {
      // Content types whose documents go through review before publication (shared with the admin panel).
      types: [...TYPES_REVUS],
      regles: REGLES_REVUE,
      courriels: {
        intervalleMs: env.int('REVUE_COURRIELS_INTERVALLE_MS', 30000),
        delaiNouvelEssaiMs: env.int('REVUE_COURRIELS_DELAI_NOUVEL_ESSAI_MS', 60000),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: secret(env, 'JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      register: { allowedFields: ['organisation'] },
      // Accounts of these email domains are approved as soon as they are confirmed.
      domainesAutorises: lireDomainesAutorises(env('MEMBRES_DOMAINES_AUTORISES')),
      // Replaced by global::limite-debit (per IP, French message, config/api.ts).
      ratelimit: { enabled: false },
    },
  },
  email: {
    config: {
      ...email(env),
      settings: {
        defaultFrom: env('EMAIL_FROM', 'Bibliothèque d’IA territoriales <ne-pas-repondre@localhost>'),
        defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'ne-pas-repondre@localhost')),
      },
    },
  },
  upload: {
    config: {
      ...configurationStockage(env),
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT_MO', 20) * MO,
      security: { allowedTypes: TYPES_MIME_AUTORISES },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 7),
      amountLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
      defaultLimit: 25,
      maxLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
      landingPage: env('NODE_ENV', 'development') !== 'production',
      apolloServer: {
        introspection: true,
        // Apollo stops itself on SIGTERM by default, failing the GraphQL requests in flight: the
        // process's shutdown (src/exploitation/cycle-de-vie.ts) lets them finish, then stops it.
        stopOnTerminationSignals: false,
        plugins: pluginsApollo(),
        stringifyResult: reponseCompacte,
        // Added to the plugin's depth limit: cost of an operation (fields × page sizes) and aliases.
        validationRules: [
          regleCout({
            coutMax: env.int('GRAPHQL_COUT_MAX', 25000),
            aliasMax: env.int('GRAPHQL_ALIAS_MAX', 50),
            pageDefaut: 25,
            pageMax: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
          }),
        ],
      },
    },
  },
  documentation: {
    enabled: true,
    config: {
      openapi: '3.0.0',
      info: {
        version: '1.0.0',
        title: 'Bibliothèque d’IA territoriales — API',
        description: 'API de contenu de la Bibliothèque d’IA territoriales (projets, collectivités, offreurs, gouvernance, ressources, taxonomies).',
        license: { name: 'Licence Ouverte 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
      },
      'x-strapi-config': {
        plugins: ['users-permissions', 'upload'],
        // Committed and checked by a test: see src/api-contenu/openapi.ts. The routes that are no
        // content type's are described by their modules.
        mutateDocumentation: finaliserDescription([decrireStatistiques, decrireSimilaires, decrireSyntheses, decrireTransparence, decrireExportsRegistres, decrireRecherche, decrireFichiersRessources, decrireSignalements, decrireAbonnements, decrireVersions]),
      },
      // Relative to the server that serves the description, whatever its address.
      servers: [{ url: '/api', description: 'Ce serveur' }],
    },
  },
});
