// Lint: TypeScript rules plus Nx module boundaries. The tags in each project.json
// say what a project is; the constraints below say what it may import.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const ioPackages = ['@nestjs/*', 'kafkajs', 'typeorm', 'pg', 'pg-*', 'express', 'avsc'];
const noIo = ['@nestjs/*', 'kafkajs', 'typeorm', 'pg'];

/** What each kind of project may import. Tests (and test helpers) may also use `type:testing`. */
function boundaries({ inTests }) {
  const testing = inTests ? ['type:testing'] : [];
  const may = (...tags) => [...tags, ...testing];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: may('type:adapter', 'type:domain', 'type:contracts', 'type:infra', 'type:util') },
      { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: may('type:domain', 'type:contracts', 'type:infra', 'type:util') },
      { sourceTag: 'type:infra', onlyDependOnLibsWithTags: may('type:infra', 'type:contracts', 'type:util') },
      // Pure domain: no framework, no broker, no database, no codec — in tests too.
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'], bannedExternalImports: ioPackages },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: noIo },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: noIo },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:util', 'type:domain', 'type:testing'] },
    ],
  };
}

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', '.kafka/**', 'tmp/**', '**/*.js', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries({ inTests: false })],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/src/testing/**/*.ts', 'benchmarks/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries({ inTests: true })],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
];
