/** Unit tests of every project: fast, no database. */
module.exports = {
  projects: [
    '<rootDir>/libs/domain/jest.config.cjs',
    '<rootDir>/apps/api/jest.config.cjs',
    '<rootDir>/apps/web/jest.config.cjs',
    '<rootDir>/libs/shared-ui/jest.config.cjs',
    '<rootDir>/tools/jest.config.cjs',
  ],
};
