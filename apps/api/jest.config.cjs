module.exports = {
  ...require('../../jest.node-preset.cjs'),
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
