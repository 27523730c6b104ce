// One Jest run for the whole workspace. The kind of a test is in its file name
// (*.unit.spec.ts, *.int.spec.ts, *.e2e.spec.ts); package.json scripts pick kinds.
const { pathsToModuleNameMapper } = require('./scripts/jest-paths');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/\\.kafka/', '<rootDir>/tmp/', '<rootDir>/var/'],
  // var/ holds the zero-setup mode's embedded PostgreSQL data (owned by its own OS user) and logs.
  modulePathIgnorePatterns: ['<rootDir>/var/'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: pathsToModuleNameMapper(),
  testTimeout: 30_000,
  // Integration suites share one broker and one PostgreSQL on a 2-core machine.
  maxWorkers: 2,
};
