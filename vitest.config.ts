import { defineConfig } from 'vitest/config';

// Four projects, run in parallel: unit tests sit next to the code; the agency suites again on
// PostgreSQL; integration tests boot the whole system over HTTP; browser tests drive headless Chromium
// against the whole system.
export default defineConfig({
  // Node (and so tsx in production) loads graphql's CommonJS build; Vite would pick its ESM build for
  // code it transforms, and graphql-js refuses a schema built by the other copy ("another realm")
  // when it reaches a library loaded by Node, such as @graphql-inspector/core.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    env: { APOLLO_TELEMETRY_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'gateway/src/**/*.test.ts',
            'subgraphs/*/src/**/*.test.ts',
            'internal/*/src/**/*.test.ts',
            'ide/src/**/*.test.ts',
            'tests/repo/**/*.test.ts',
          ],
        },
      },
      {
        // The agency suites and the store again, each test store a fresh PostgreSQL schema
        // (internal/testing/src/config.ts). .ci/run starts PostgreSQL when it is not running.
        extends: true,
        test: {
          name: 'postgres',
          include: ['subgraphs/*/src/**/*.test.ts', 'internal/store/src/**/*.test.ts'],
          env: {
            RG_TEST_DATABASE_URL:
              process.env['RG_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
