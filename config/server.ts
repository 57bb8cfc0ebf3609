import { secret } from '../src/config/secrets';

export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  proxy: env.bool('IS_PROXIED', false),
  // Uploads go to its uploads/ folder (a volume shared or backed up; S3 instead: config/plugins.ts).
  dirs: { public: env('DOSSIER_PUBLIC', './public') },
  app: {
    keys: secret(env, 'APP_KEYS').split(','),
  },
  cron: { enabled: env.bool('CRON_ENABLED', false) },
  // On SIGTERM, how long requests in flight are given to finish (src/exploitation/cycle-de-vie.ts).
  arretDelaiSecondes: env.int('ARRET_DELAI_SECONDES', 10),
});
