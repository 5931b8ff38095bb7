/**
 * Two tiers in one run: tests/unit (no database) and tests/integration (a real Neo4j that
 * tests/helpers/global-setup.ts starts on its own ports and data folder, or TEST_NEO4J_URI).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  // A failed test must not leave the run waiting on a process or socket it opened (CI would hang).
  forceExit: true,
  maxWorkers: 1,
};
