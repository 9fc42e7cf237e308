module.exports = {
  ...require('../jest.node-preset.cjs'),
  displayName: 'workspace',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
};
