import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql, type Migration } from './index.js';
import {
  agencyDatabaseUrl,
  agencySchemaNames,
  dropAgencySchema,
  openPostgresAgencyDatabase,
  provisionAgencySchema,
  withDatabasePassword,
} from './postgres.js';

// Runs in the `postgres` vitest project (RG_TEST_DATABASE_URL names an admin connection).
const adminUrl = process.env['RG_TEST_DATABASE_URL'];

const migrations: Record<string, Migration> = {
  '0001_record': {
    async up(db) {
      await db.schema
        .createTable('record')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .execute();
    },
  },
};

/** The same server and database as `adminUrl`, as `role` (the test server trusts local roles). */
function urlAs(role: string): string {
  const url = new URL(adminUrl!);
  url.username = role;
  url.password = '';
  return url.toString();
}

describe.skipIf(!adminUrl)('agency stores on PostgreSQL', () => {
  it('gives each agency its own schema and role, and one agency cannot read another’s', async () => {
    const suffix = randomBytes(3).toString('hex');
    const [a, b] = [`agency_a_${suffix}`, `agency_b_${suffix}`];
    await provisionAgencySchema(adminUrl!, a);
    await provisionAgencySchema(adminUrl!, b);
    const roleA = agencySchemaNames(a).role;
    const roleB = agencySchemaNames(b).role;
    try {
      const storeA = await openPostgresAgencyDatabase<{ record: { id: string } }>(
        urlAs(roleA),
        a,
        migrations,
      );
      const storeB = await openPostgresAgencyDatabase<{ record: { id: string } }>(
        urlAs(roleB),
        b,
        migrations,
      );
      try {
        expect(storeA.dialect).toBe('postgres');
        await storeA.db.insertInto('record').values({ id: 'secret-of-a' }).execute();
        expect(await storeA.db.selectFrom('record').selectAll().execute()).toEqual([
          { id: 'secret-of-a' },
        ]);
        // Same table name, own schema: B sees only its own (empty) table…
        expect(await storeB.db.selectFrom('record').selectAll().execute()).toEqual([]);
        // …and reaching into A's schema by name is refused by PostgreSQL itself.
        await expect(
          sql`select * from ${sql.table(`${a}.record`)}`.execute(storeB.db),
        ).rejects.toThrow(/permission denied for schema/);
      } finally {
        await storeA.close();
        await storeB.close();
      }
    } finally {
      await dropAgencySchema(adminUrl!, a);
      await dropAgencySchema(adminUrl!, b);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop role if exists ${roleA}`);
      await client.query(`drop role if exists ${roleB}`);
      await client.end();
    }
  });
});

describe('agency database URLs', () => {
  it('names the agency role on the admin URL’s server and database, with only the given password', () => {
    const admin = 'postgres://postgres:admin-secret@db.internal:5432/rg?sslmode=require';
    expect(agencyDatabaseUrl(admin, 'life-events')).toBe(
      'postgres://rg_life_events@db.internal:5432/rg?sslmode=require',
    );
    expect(agencyDatabaseUrl(admin, 'ssa', 'p@ss/word')).toBe(
      'postgres://rg_ssa:p%40ss%2Fword@db.internal:5432/rg?sslmode=require',
    );
  });

  it('puts a password read from a file into a URL, whatever characters it holds', () => {
    const url = withDatabasePassword('postgres://rg_ssa@db:5432/rg', 'a:b@c/d?e');
    expect(decodeURIComponent(new URL(url).password)).toBe('a:b@c/d?e');
    expect(new URL(url).username).toBe('rg_ssa');
  });
});

describe.skipIf(!adminUrl)('provisioning with a password', () => {
  it('sets the role’s password, and provisioning again is harmless', async () => {
    const agency = `agency_p_${randomBytes(3).toString('hex')}`;
    const { role } = agencySchemaNames(agency);
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await provisionAgencySchema(adminUrl!, agency);
      const before = await client.query(
        'select rolpassword is not null as has from pg_authid where rolname = $1',
        [role],
      );
      expect(before.rows).toEqual([{ has: false }]);
      await provisionAgencySchema(adminUrl!, agency, { password: "it's secret" });
      await provisionAgencySchema(adminUrl!, agency, { password: "it's secret" });
      const after = await client.query(
        'select rolpassword is not null as has from pg_authid where rolname = $1',
        [role],
      );
      expect(after.rows).toEqual([{ has: true }]);
    } finally {
      await dropAgencySchema(adminUrl!, agency);
      await client.query(`drop role if exists ${role}`);
      await client.end();
    }
  });
});
