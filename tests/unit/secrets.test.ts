import { exigerConfigurationProduction, missingSecrets, secret, isRealSecret, SECRET_NAMES } from '../../src/config/secrets';
import { configurationStockage, variablesS3Manquantes } from '../../src/config/stockage';

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

  it('refuse de démarrer en production et nomme chaque secret manquant, sans empêcher de lire la configuration', () => {
    process.env.NODE_ENV = 'production';
    const partiel = env({ APP_KEYS: 'a,b', ADMIN_JWT_SECRET: 'changeme' });
    expect(missingSecrets(partiel)).toEqual(SECRET_NAMES.filter((n) => n !== 'APP_KEYS'));
    expect(() => exigerConfigurationProduction(partiel)).toThrow(
      'Démarrage refusé en production : secret(s) manquant(s) ou factice(s) : ADMIN_JWT_SECRET, API_TOKEN_SALT, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY, JWT_SECRET. Définissez-les dans l’environnement (voir .env.example). SMTP_HOST est requis pour envoyer les courriels.',
    );
    // What `strapi build` reads: no secret is made up, none is required.
    expect(secret(partiel, 'ADMIN_JWT_SECRET')).toBe('');
    expect(secret(partiel, 'APP_KEYS')).toBe('a,b');
    const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, 'k8Zr2']));
    expect(() => exigerConfigurationProduction(env(secrets))).toThrow(/^Démarrage refusé en production : SMTP_HOST est requis/);
    expect(() => exigerConfigurationProduction(env({ ...secrets, SMTP_HOST: 'smtp.exemple.fr' }))).not.toThrow();
    process.env.NODE_ENV = 'development';
    expect(() => exigerConfigurationProduction(partiel)).not.toThrow();
  });

  it('fournit en développement un secret local aléatoire et stable', () => {
    process.env.NODE_ENV = 'development';
    const premier = secret(env({}), 'JWT_SECRET');
    expect(premier.length).toBeGreaterThanOrEqual(32);
    expect(secret(env({}), 'JWT_SECRET')).toBe(premier);
    expect(secret(env({}), 'APP_KEYS').split(',')).toHaveLength(2);
  });
});

describe('stockage des fichiers', () => {
  const env = (valeurs: Record<string, string>) => (nom: string) => valeurs[nom];

  it('garde le disque local sans S3_BUCKET, choisit le fournisseur S3 officiel avec', () => {
    expect(configurationStockage(env({}))).toEqual({});
    const s3 = configurationStockage(env({ S3_BUCKET: 'fichiers', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'cle', S3_ENDPOINT: 'https://s3.fr-par.scw.cloud' })) as any;
    expect(s3.provider).toBe('aws-s3');
    expect(s3.providerOptions.s3Options).toMatchObject({
      credentials: { accessKeyId: 'id', secretAccessKey: 'cle' },
      region: 'fr-par',
      endpoint: 'https://s3.fr-par.scw.cloud',
      forcePathStyle: true,
      params: { Bucket: 'fichiers' },
    });
    expect(configurationStockage(env({ S3_BUCKET: 'b', S3_ADRESSAGE_CHEMIN: 'false' })).providerOptions).toMatchObject({ s3Options: { forcePathStyle: false } });
  });

  it('refuse de démarrer en production avec un bucket sans ses clés', () => {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const complet = { ...Object.fromEntries(SECRET_NAMES.map((n) => [n, 'k8Zr2'])), SMTP_HOST: 'smtp' };
      expect(() => exigerConfigurationProduction(env({ ...complet, S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'id' }))).toThrow(
        'Démarrage refusé en production : S3_SECRET_ACCESS_KEY est requis avec S3_BUCKET.',
      );
      expect(variablesS3Manquantes(env({ S3_BUCKET: 'b' }))).toEqual(['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
});
