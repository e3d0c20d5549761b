/**
 * The test harness's one setting: `RG_TEST_DATABASE_URL` (default unset: every test store is an
 * in-memory SQLite database). When set, e.g. postgres://postgres@127.0.0.1:5432/test, each test
 * store is a fresh PostgreSQL schema on that server, dropped when the test stops it — how the agency
 * suites run against both engines (vitest project `postgres`).
 */
export const testDatabaseUrl: string | undefined = process.env['RG_TEST_DATABASE_URL'] || undefined;

/**
 * The PostgreSQL server whole-deployment tests create their throwaway databases on, with a role that
 * may create databases, roles and schemas: `RG_TEST_DATABASE_URL` when set, else the machine's
 * (trust auth, user postgres; .ci/run starts it).
 */
export const testPostgresServerUrl: string =
  testDatabaseUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
