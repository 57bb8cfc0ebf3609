/** Unit tests need nothing; integration tests share one Strapi booted by their global setup. */
const commun = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tests/tsconfig.json' }] },
};

const strapiDemarre = {
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
};

module.exports = {
  projects: [
    { ...commun, displayName: 'unitaires', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...commun, ...strapiDemarre, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    // Several CMS processes on one PostgreSQL, backups: `npm run test:exploitation` (PostgreSQL, Redis).
    { ...commun, displayName: 'exploitation', testMatch: ['<rootDir>/tests/exploitation/**/*.test.ts'] },
    // Real browser against the built admin panel: `npm run test:e2e` (needs Chromium, see README).
    { ...commun, ...strapiDemarre, displayName: 'navigateur', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
  testTimeout: 60000,
};
