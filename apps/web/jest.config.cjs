/** Unit tests of the web project: jest-preset-angular, zoneless, jsdom. */
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');

const workspaceRoot = path.resolve(__dirname, '../..');

module.exports = {
  ...createCjsPreset({ tsconfig: path.join(__dirname, 'tsconfig.spec.json') }),
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    '^@mentor/domain$': path.join(workspaceRoot, 'libs/domain/src/index.ts'),
    '^@mentor/shared-ui$': path.join(workspaceRoot, 'libs/shared-ui/src/index.ts'),
  },
};
