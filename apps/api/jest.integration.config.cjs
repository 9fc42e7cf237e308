/** Integration tests: the whole API against a real PostgreSQL, one fresh database per run. */
module.exports = {
  ...require('../../jest.node-preset.cjs'),
  displayName: 'api-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup-env.cjs'],
  testTimeout: 30000,
  maxWorkers: 1,
};
