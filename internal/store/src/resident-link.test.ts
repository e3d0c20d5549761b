import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hasResidentLinks,
  linkResidents,
  openAgencyDatabase,
  sql,
  type AgencyDatabase,
  type Kysely,
  type Migration,
} from './index.js';

interface TestDatabase {
  resident_link: { resident_id: string; test_id: string };
  note: { test_id: string };
}

const migrations: Record<string, Migration> = {
  '0001_link': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident_link')
        .addColumn('resident_id', 'text', (c) => c.primaryKey())
        .addColumn('test_id', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema.createTable('note').addColumn('test_id', 'text').execute();
    },
  },
};
const ids = { idColumn: 'test_id', prefix: 'TST-X-' } as const;
const testId = (n: number) => `TST-X-${String(n).padStart(9, '0')}`;

describe('linkResidents', () => {
  let store: AgencyDatabase<TestDatabase>;
  beforeEach(async () => {
    store = await openAgencyDatabase<TestDatabase>(':memory:', migrations);
  });
  afterEach(() => store.close());

  const storedLinks = () =>
    store.db.selectFrom('resident_link').selectAll().orderBy('test_id').execute();

  it('numbers new residents from 1 in the order given, and stores the links', async () => {
    const linked = await linkResidents(store.db, ids, ['rsd_b', 'rsd_a', 'rsd_b']);
    expect([...linked]).toEqual([
      ['rsd_b', testId(1)],
      ['rsd_a', testId(2)],
    ]);
    expect(await storedLinks()).toEqual([
      { resident_id: 'rsd_b', test_id: testId(1) },
      { resident_id: 'rsd_a', test_id: testId(2) },
    ]);
  });

  it('keeps the ids of residents linked before and numbers new ones on from the highest', async () => {
    await linkResidents(store.db, ids, ['rsd_a', 'rsd_b']);
    const linked = await linkResidents(store.db, ids, ['rsd_c', 'rsd_a']);
    expect([...linked]).toEqual([
      ['rsd_a', testId(1)],
      ['rsd_c', testId(3)],
    ]);
    expect(await linkResidents(store.db, ids, ['rsd_c'])).toEqual(new Map([['rsd_c', testId(3)]]));
    expect(await storedLinks()).toHaveLength(3);
  });

  it('reads and writes more residents than one statement may bind', async () => {
    const residents = Array.from({ length: 40_000 }, (_, i) => `rsd_${i}`);
    await linkResidents(store.db, ids, residents.slice(0, 25_000));
    const linked = await linkResidents(store.db, ids, residents);
    expect(linked.size).toBe(40_000);
    expect(linked.get('rsd_0')).toBe(testId(1));
    expect(linked.get('rsd_24999')).toBe(testId(25_000));
    expect(linked.get('rsd_39999')).toBe(testId(40_000));
    expect(await storedLinks()).toHaveLength(40_000);
  });

  it('runs inside a transaction, and a rolled-back one leaves no links', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await linkResidents(trx, ids, ['rsd_a']);
        throw new Error('seed failed');
      }),
    ).rejects.toThrow('seed failed');
    expect(await storedLinks()).toEqual([]);
  });

  it('refuses to continue a sequence it did not write', async () => {
    await sql`insert into resident_link values ('rsd_a', 'OTHER-000000007')`.execute(store.db);
    await expect(linkResidents(store.db, ids, ['rsd_b'])).rejects.toThrow(/not a TST-X- id/);
  });

  it('accepts only a column that the database’s resident_link has', () => {
    // Type-level only: the call is never awaited against a store.
    const check = (db: Kysely<TestDatabase>) => [
      linkResidents(db, ids, []),
      // @ts-expect-error `irs_id` is not a column of this resident_link
      linkResidents(db, { idColumn: 'irs_id', prefix: 'IRS-T-' }, []),
    ];
    expect(check).toBeTypeOf('function');
  });
});

describe('hasResidentLinks', () => {
  it('is false for an empty store and true once a resident is linked', async () => {
    const store = await openAgencyDatabase<TestDatabase>(':memory:', migrations);
    try {
      expect(await hasResidentLinks(store.db)).toBe(false);
      await linkResidents(store.db, ids, ['rsd_a']);
      expect(await hasResidentLinks(store.db)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
