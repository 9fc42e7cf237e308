/** Shared Jest settings for Node-side code (domain, api): SWC with legacy decorators, CommonJS output. */
const path = require('node:path');

// NestJS 12 and some of its dependencies ship ESM only; Jest runs CommonJS, so they are transformed too.
const esmPackages = [
  'content-disposition',
  '@nestjs',
  'file-type',
  'load-esm',
  'uid',
  'token-types',
  'strtok3',
  '@tokenizer',
  '@borewit',
];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj|cj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@mentor/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@mentor/migrations$': path.join(__dirname, 'migrations/index.ts'),
  },
};
