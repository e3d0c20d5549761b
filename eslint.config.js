// ESLint flat config for the whole monorepo; `npm run check:lint` runs it with --max-warnings 0.
// Type-aware rules use typescript-eslint's project service against tsconfig.json, which is why the
// repo stays on TypeScript 5.x (see docs/adr/0001-toolchain.md).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Code that ships: everything under a workspace's src/, except the test harness and tests. */
const shippedSources = ['gateway/src/**/*.ts', 'subgraphs/*/src/**/*.ts', 'internal/*/src/**/*.ts'];
const testSources = ['**/*.test.ts', 'tests/**/*.ts', 'internal/testing/src/**/*.ts'];

/** Files that may read `process.env`: each deployable's config.ts/main.ts, scripts and tests. */
const envReaders = [
  '**/config.ts',
  '**/main.ts',
  'scripts/**/*.{ts,js,mjs}',
  'tests/**/*.ts',
  '**/*.test.ts',
  '*.config.{ts,js,mjs}',
];

const envImport = {
  name: 'node:process',
  importNames: ['env'],
  message:
    'Read the environment only in config.ts (or main.ts/scripts/tests) and pass config down.',
};
const restrictedImportsEverywhere = [envImport, { ...envImport, name: 'process' }];
const testOnlyImports = ['@resident-graph/testing', 'vitest'].map((name) => ({
  name,
  message: `${name} is for tests; shipped code must not depend on it.`,
}));
const testOnlyPatterns = [
  {
    group: ['@resident-graph/testing/*', 'vitest/*', '@vitest/*'],
    message: 'Test utilities; shipped code must not depend on them.',
  },
];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      '.data/',
      'schema/',
      'coverage/',
      '**/dist/',
      'frontend/src/generated/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts', '.cts'] },
      // Workspace packages resolve through node_modules symlinks to their src/index.ts, and
      // relative imports are written with .js extensions (NodeNext) that point at .ts files.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.js', '.mjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.js'], '.mjs': ['.mts', '.mjs'] },
          conditionNames: ['types', 'import', 'node', 'default'],
        }),
      ],
    },
    rules: {
      // Promises: a dropped promise is an unhandled rejection or a race; a promise where a
      // callback is expected (event handlers, array predicates) is silently never awaited.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Resolvers and reference resolvers are often `async` for a uniform signature.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'smart'],

      'import-x/no-default-export': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',

      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Read the environment only in config.ts (or main.ts/scripts/tests) and pass config down.',
        },
      ],
      'no-restricted-imports': ['error', { paths: restrictedImportsEverywhere }],
    },
  },
  {
    files: envReaders,
    rules: {
      'no-restricted-properties': 'off',
      'no-restricted-imports': 'off',
    },
  },
  {
    files: shippedSources,
    ignores: testSources,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...restrictedImportsEverywhere, ...testOnlyImports], patterns: testOnlyPatterns },
      ],
    },
  },
  {
    // A service's config.ts and main.ts may read the environment, but are still shipped code.
    files: shippedSources.map((glob) => glob.replace('**/*.ts', '**/{config,main}.ts')),
    ignores: testSources,
    rules: {
      'no-restricted-imports': ['error', { paths: testOnlyImports, patterns: testOnlyPatterns }],
    },
  },
  {
    // Tests poke at loosely typed GraphQL responses and pass spies around as values.
    files: testSources,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Tool config files must default-export.
    files: ['*.config.{ts,js,mjs}', '**/vitest.config.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    // Plain JS (this file, scripts/with-env.mjs) is not in tsconfig.json: lint it untyped.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
