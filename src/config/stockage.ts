/**
 * Where uploaded files go (README, « Production »): the local disk (`public/uploads`) by default; an
 * S3-compatible bucket (Scaleway, OVHcloud, Outscale, MinIO, AWS…) through Strapi's official provider
 * when `S3_BUCKET` is set, which several instances need since they share no disk. Pure.
 */
type Env = (name: string, fallback?: string) => string | undefined;

export const VARIABLES_S3_REQUISES = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** The `upload.config` keys that choose the provider; none for the local disk. */
export function configurationStockage(env: Env): Record<string, unknown> {
  const bucket = env('S3_BUCKET');
  if (!bucket) return {};
  const option = (nom: string) => env(nom) || undefined;
  return {
    provider: 'aws-s3',
    providerOptions: {
      // Public address of the files (the bucket's, or a CDN's); Strapi builds it from the endpoint otherwise.
      baseUrl: option('S3_URL_PUBLIQUE'),
      rootPath: option('S3_PREFIXE'),
      s3Options: {
        credentials: { accessKeyId: env('S3_ACCESS_KEY_ID') ?? '', secretAccessKey: env('S3_SECRET_ACCESS_KEY') ?? '' },
        region: env('S3_REGION') || 'fr-par',
        endpoint: option('S3_ENDPOINT'),
        // Most S3-compatible services outside AWS address buckets by path.
        forcePathStyle: (env('S3_ADRESSAGE_CHEMIN') ?? 'true') !== 'false',
        params: { Bucket: bucket, ACL: option('S3_ACL') },
      },
    },
  };
}

/** The S3 variables missing while `S3_BUCKET` is set. Pure. */
export function variablesS3Manquantes(env: Env): string[] {
  return env('S3_BUCKET') ? VARIABLES_S3_REQUISES.filter((nom) => !env(nom)) : [];
}
