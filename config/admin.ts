import { secret } from '../src/config/secrets';

export default ({ env }: { env: any }) => ({
  auth: { secret: secret(env, 'ADMIN_JWT_SECRET') },
  apiToken: { salt: secret(env, 'API_TOKEN_SALT') },
  transfer: { token: { salt: secret(env, 'TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: secret(env, 'ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // No front-end to preview yet: without this Strapi shows every editor a « configure preview » link.
  preview: { enabled: false },
  url: env('ADMIN_URL', '/admin'),
});
