import { missingSecrets, secret, isRealSecret, SECRET_NAMES } from '../../src/config/secrets';

const env = (valeurs: Record<string, string>) => (nom: string) => valeurs[nom];

describe('secrets', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('reconnaît les valeurs factices', () => {
    expect(isRealSecret(undefined)).toBe(false);
    expect(isRealSecret('toBeModified')).toBe(false);
    expect(isRealSecret('cle1,toBeModified')).toBe(false);
    expect(isRealSecret('k8Zr2…')).toBe(true);
  });

  it('refuse de démarrer en production et nomme chaque secret manquant', () => {
    process.env.NODE_ENV = 'production';
    const partiel = env({ APP_KEYS: 'a,b', ADMIN_JWT_SECRET: 'changeme' });
    expect(missingSecrets(partiel)).toEqual(SECRET_NAMES.filter((n) => n !== 'APP_KEYS'));
    expect(() => secret(partiel, 'ADMIN_JWT_SECRET')).toThrow(
      'Démarrage refusé en production : secret(s) manquant(s) ou factice(s) : ADMIN_JWT_SECRET, API_TOKEN_SALT, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY, JWT_SECRET.',
    );
    expect(secret(partiel, 'APP_KEYS')).toBe('a,b');
  });

  it('fournit en développement un secret local aléatoire et stable', () => {
    process.env.NODE_ENV = 'development';
    const premier = secret(env({}), 'JWT_SECRET');
    expect(premier.length).toBeGreaterThanOrEqual(32);
    expect(secret(env({}), 'JWT_SECRET')).toBe(premier);
    expect(secret(env({}), 'APP_KEYS').split(',')).toHaveLength(2);
  });
});
