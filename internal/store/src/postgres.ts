import { Kysely, Migrator, PostgresAdapter, PostgresDialect, type Migration } from 'kysely';
import pg from 'pg';
import { recordDatabaseSpan } from '@resident-graph/observability';
import type { AgencyDatabase } from './index.js';

/** An agency's schema and role names: `ssa` → schema `ssa`, role `rg_ssa` (dashes become underscores). */
export function agencySchemaNames(agency: string): { schema: string; role: string } {
  const base = agency.replace(/-/g, '_');
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(base)) throw new Error(`not a usable schema name: ${agency}`);
  return { schema: base, role: `rg_${base}` };
}

/**
 * Creates the agency's role (no password here: production sets one from its secret store, or uses
 * certificate auth) and its schema, owned by that role, once. Other agencies' roles get no USAGE
 * on it, so one agency cannot read another's data even if its code tried. Run with an admin URL.
 */
export async function provisionAgencySchema(adminUrl: string, agency: string): Promise<void> {
  const { schema, role } = agencySchemaNames(agency);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`do $$ begin
      if not exists (select from pg_roles where rolname = '${role}') then
        create role ${role} login;
      end if;
    end $$`);
    await client.query(`create schema if not exists ${schema} authorization ${role}`);
    // Only the owner may use it; nothing in it is granted to PUBLIC.
    await client.query(`revoke all on schema ${schema} from public`);
  } finally {
    await client.end();
  }
}

/** Drops an agency schema and everything in it (tests' throwaway schemas). */
export async function dropAgencySchema(adminUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

/**
 * Opens one agency's store on PostgreSQL: every connection of the pool works in `schema` only
 * (search_path), migrations are recorded there too, and statements are counted like SQLite's.
 * `url` should name the agency's own role, so PostgreSQL itself keeps it out of other schemas.
 */
export async function openPostgresAgencyDatabase<Schema>(
  url: string,
  schema: string,
  migrations: Record<string, Migration>,
): Promise<AgencyDatabase<Schema>> {
  const pool = new pg.Pool({
    connectionString: url,
    options: `-c search_path=${schema}`,
    max: 10,
  });
  let count = 0;
  const db = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') count += 1;
      recordDatabaseSpan(
        event.query.sql,
        event.queryDurationMillis,
        event.level === 'error',
        'postgresql',
      );
    },
  });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed in schema ${schema}: ${(error as Error).message}`);
  }
  count = 0;
  return {
    db,
    dialect: 'postgres',
    queryCount: () => count,
    resetQueryCount: () => {
      count = 0;
    },
    close: () => db.destroy(),
  };
}

/** Whether `db` talks to PostgreSQL (for the few statements that differ from SQLite). */
export function isPostgres(db: { getExecutor(): { readonly adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
