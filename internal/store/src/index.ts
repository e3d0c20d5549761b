import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { recordDatabaseSpan } from '@resident-graph/observability';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';

export {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type Migration,
  type Transaction,
  type Selectable,
  type Insertable,
  type Generated,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';

export interface AgencyDatabase<Schema> {
  readonly db: Kysely<Schema>;
  /** Which engine: the embedded default, or PostgreSQL when DATABASE_URL is set. */
  readonly dialect: 'sqlite' | 'postgres';
  /** How many SQL statements ran since open (or the last reset); tests assert batching with it. */
  queryCount(): number;
  resetQueryCount(): void;
  close(): Promise<void>;
}

/**
 * Opens one agency's embedded SQLite database (`:memory:` for throwaway ones), applies its
 * migrations in order, and counts statements. WAL mode lets the seeder write while a subgraph reads.
 */
export async function openAgencyDatabase<Schema>(
  file: string,
  migrations: Record<string, Migration>,
): Promise<AgencyDatabase<Schema>> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  let count = 0;
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') count += 1;
      // A span per statement under the request's span, when tracing is on.
      recordDatabaseSpan(event.query.sql, event.queryDurationMillis, event.level === 'error');
    },
  });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed for ${file}: ${(error as Error).message}`);
  }
  count = 0;
  return {
    db,
    dialect: 'sqlite',
    queryCount: () => count,
    resetQueryCount: () => {
      count = 0;
    },
    close: () => db.destroy(),
  };
}

/** Rows in `keys` order, `null` where a key has no row: the DataLoader batch contract. */
export function inKeyOrder<K, R>(
  keys: readonly K[],
  rows: readonly R[],
  keyOf: (row: R) => K,
): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Groups rows by key, in `keys` order, `[]` for keys without rows (one-to-many loaders). */
export function groupedInKeyOrder<K, R>(
  keys: readonly K[],
  rows: readonly R[],
  keyOf: (row: R) => K,
): R[][] {
  const byKey = new Map<K, R[]>();
  for (const row of rows) {
    const list = byKey.get(keyOf(row));
    if (list) list.push(row);
    else byKey.set(keyOf(row), [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

export { insertIgnoringExisting } from './insert.js';
export {
  agencyDatabaseUrl,
  agencySchemaNames,
  createDatabase,
  dropAgencySchema,
  dropDatabase,
  isPostgres,
  openPostgresAgencyDatabase,
  provisionAgencySchema,
  withDatabasePassword,
} from './postgres.js';
export { inChunks, MAX_KEYS_PER_QUERY, SQLITE_MAX_VARIABLES } from './limits.js';
export {
  hasResidentLinks,
  linkResidents,
  type ResidentLinkDatabase,
  type ResidentLinkIds,
} from './resident-link.js';
export {
  actionRequestMigration,
  claimActionKey,
  type ActionRequestDatabase,
} from './action-request.js';
