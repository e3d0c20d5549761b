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
 * Creates the agency's role and its schema, owned by that role, once. Other agencies' roles get no
 * USAGE on it, so one agency cannot read another's data even if its code tried. Run with an admin
 * URL. `password`, when given, becomes the role's password (from the secret store; without it the
 * role has none and can log in only where the server trusts it, or by certificate).
 */
export async function provisionAgencySchema(
  adminUrl: string,
  agency: string,
  options: { password?: string } = {},
): Promise<void> {
  const { schema, role } = agencySchemaNames(agency);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Two provisioners at once (replicas, parallel tests) may both see the role missing: the loser's
    // duplicate_object is the role it wanted.
    await client.query(`do $$ begin
      if not exists (select from pg_roles where rolname = '${role}') then
        create role ${role} login;
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$`);
    if (options.password !== undefined) {
      await client.query(`alter role ${role} password ${client.escapeLiteral(options.password)}`);
    }
    await client.query(`create schema if not exists ${schema} authorization ${role}`);
    // Only the owner may use it; nothing in it is granted to PUBLIC.
    await client.query(`revoke all on schema ${schema} from public`);
  } finally {
    await client.end();
  }
}

/**
 * The URL an agency's subgraph connects with: `adminUrl`'s server and database, as the agency's own
 * role, with `password` (or none). `npm start` and the tests hand each subgraph one of these.
 */
export function agencyDatabaseUrl(adminUrl: string, agency: string, password?: string): string {
  const url = new URL(adminUrl);
  url.username = agencySchemaNames(agency).role;
  url.password = password === undefined ? '' : encodeURIComponent(password);
  return url.toString();
}

/** `url` with `password` as its password (read from a secret file, so it is not in the URL). */
export function withDatabasePassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
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
 * Creates an empty database `name` on `adminUrl`'s server and returns its URL (whole-deployment
 * tests: every run gets its own, so agency schemas with their production names never collide).
 */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a usable database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name`, closing whatever is still connected to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
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
  options: {
    /**
     * Act as this role after connecting (an admin URL acting for an agency, as the seeder does), so
     * tables the migrations create belong to the agency's role. Default: the URL's own role.
     */
    role?: string;
  } = {},
): Promise<AgencyDatabase<Schema>> {
  const pool = new pg.Pool({
    connectionString: url,
    options: `-c search_path=${schema}` + (options.role ? ` -c role=${options.role}` : ''),
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
