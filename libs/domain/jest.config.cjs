module.exports = {
  ...require('../../jest.node-preset.cjs'),
  displayName: 'domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
