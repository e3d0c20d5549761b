import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Two projects: unit tests sit next to the code; integration tests boot the whole system over HTTP.
export default defineConfig({
  resolve: {
    // Node (npm start) loads graphql's CommonJS build, as Apollo's packages do; Vite would pick its ESM
    // build for our code, and graphql refuses schemas from "another realm". One copy, as in production.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
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
