import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { variablesS3Manquantes } from './stockage';

/** Secrets Strapi needs; production refuses to start without every one of them. */
export const SECRET_NAMES = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'JWT_SECRET',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

type Env = (name: string, fallback?: string) => string | undefined;

const PLACEHOLDERS = new Set(['', 'tobemodified', 'changeme', 'a-remplacer']);

export function isRealSecret(value: string | undefined): value is string {
  return value !== undefined && !value.split(',').some((part) => PLACEHOLDERS.has(part.trim().toLowerCase()));
}

export function missingSecrets(env: Env): SecretName[] {
  return SECRET_NAMES.filter((name) => !isRealSecret(env(name)));
}

/** A random value for the secret `name` (two keys, comma-separated, for APP_KEYS). */
export function secretAleatoire(name: SecretName): string {
  const random = () => crypto.randomBytes(24).toString('base64');
  return name === 'APP_KEYS' ? [random(), random()].join(',') : random();
}

/** Every secret, random: for a throw-away production process (bench, operations tests). */
export function secretsAleatoires(): Record<SecretName, string> {
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, secretAleatoire(name)])) as Record<SecretName, string>;
}

/**
 * Development and tests run without a .env: random secrets are generated once per checkout in
 * .tmp/ (never committed), so sessions survive restarts and nothing secret lives in the repository.
 */
function localSecret(name: SecretName): string {
  const file = path.resolve(process.cwd(), '.tmp', 'secrets-locaux.json');
  let stored: Partial<Record<SecretName, string>> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!stored[name]) {
    stored[name] = secretAleatoire(name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored[name] as string;
}

/**
 * The value of a secret for the configuration files. Production takes it from the environment only:
 * when it is missing, the configuration still loads (`strapi build` reads it and needs no secret), and
 * `exigerConfigurationProduction`, run first thing at start, refuses to go further.
 */
export function secret(env: Env, name: SecretName): string {
  const value = env(name);
  if (isRealSecret(value)) return value;
  if (process.env.NODE_ENV === 'production') return '';
  return localSecret(name);
}

/**
 * Refuses to start in production while a secret is missing or a placeholder, naming each one, or
 * without an SMTP server (SMTP_HOST), or with a half-configured bucket (S3_BUCKET without its keys). The
 * configuration files only read them, so that `strapi build` needs none of them.
 */
export function exigerConfigurationProduction(env: Env): void {
  if (process.env.NODE_ENV !== 'production') return;
  const missing = missingSecrets(env);
  const raisons = [
    ...(missing.length > 0 ? [`secret(s) manquant(s) ou factice(s) : ${missing.join(', ')}. Définissez-les dans l’environnement (voir .env.example).`] : []),
    ...(env('SMTP_HOST') ? [] : ['SMTP_HOST est requis pour envoyer les courriels.']),
    ...variablesS3Manquantes(env).map((nom) => `${nom} est requis avec S3_BUCKET.`),
  ];
  if (raisons.length > 0) throw new Error(`Démarrage refusé en production : ${raisons.join(' ')}`);
}
