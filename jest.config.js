/**
 * Two projects, run together by `npm test`: unit (tests/unit, no database, seconds) and integration
 * (tests/integration, a real Neo4j that tests/helpers/global-setup.ts starts on its own ports and
 * data folder, or TEST_NEO4J_URI). `npx jest --selectProjects unit` runs the first alone.
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/tests/unit'], testMatch: ['**/*.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/tests/integration'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
  // One file at a time: the integration tests share one Neo4j, and the machine has two cores.
  maxWorkers: 1,
};
