/** Unit tests need nothing; integration tests share one Strapi booted by their global setup. */
const commun = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tests/tsconfig.json' }] },
};

module.exports = {
  projects: [
    { ...commun, displayName: 'unitaires', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...commun,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
};
