/**
 * What the global setup hands to the test files (they run in other module registries, so it goes
 * through process.env), and accessors that fail loudly when the setup did not run.
 */
export const CLES = {
  url: 'TEST_STRAPI_URL',
  jetonAdmin: 'TEST_JETON_ADMIN',
  jetonApi: 'TEST_JETON_API',
  jetonLecture: 'TEST_JETON_LECTURE',
  jwtMembre: 'TEST_JWT_MEMBRE',
  jwtEnAttente: 'TEST_JWT_EN_ATTENTE',
  openapiVersionnee: 'TEST_OPENAPI_VERSIONNEE',
  reamorcage: 'TEST_BILAN_REAMORCAGE',
  smtpPort: 'SMTP_PORT',
} as const;

export function lire(cle: (typeof CLES)[keyof typeof CLES]): string {
  const valeur = process.env[cle];
  if (!valeur) throw new Error(`${cle} absent : la mise en place globale des tests d’intégration n’a pas tourné`);
  return valeur;
}

/** The OpenAPI description the documentation plugin writes at every start (committed). */
export const CHEMIN_OPENAPI = 'src/extensions/documentation/documentation/1.0.0/full_documentation.json';
