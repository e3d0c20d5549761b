import { defineConfig } from 'vitest/config';

// Three projects: unit tests sit next to the code; the agency suites again on PostgreSQL; integration
// tests boot the whole system over HTTP.
export default defineConfig({
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
    ],
  },
});
