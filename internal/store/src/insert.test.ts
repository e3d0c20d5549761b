import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  insertIgnoringExisting,
  openAgencyDatabase,
  type AgencyDatabase,
  type Kysely,
  type Migration,
} from './index.js';

interface TestDatabase {
  item: { id: string; a: string; b: string; c: string };
}
const migrations: Record<string, Migration> = {
  '0001_item': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('item')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('a', 'text', (c) => c.notNull())
        .addColumn('b', 'text', (c) => c.notNull())
        .addColumn('c', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
const item = (i: number, value = 'first') => ({ id: `i${i}`, a: value, b: value, c: value });

describe('insertIgnoringExisting', () => {
  let store: AgencyDatabase<TestDatabase>;
  beforeEach(async () => {
    store = await openAgencyDatabase<TestDatabase>(':memory:', migrations);
  });
  afterEach(() => store.close());

  it('writes more rows than one statement may bind, a chunk per INSERT', async () => {
    // 4 columns: 8191 rows fit in one statement, so 20,000 take 3.
    const rows = Array.from({ length: 20_000 }, (_, i) => item(i));
    store.resetQueryCount();
    await insertIgnoringExisting(store.db, 'item', rows);
    expect(store.queryCount()).toBe(3);
    const { n } = await store.db
      .selectFrom('item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(20_000);
  });

  it('keeps rows that are already there, so writing again is harmless', async () => {
    await insertIgnoringExisting(store.db, 'item', [item(1)]);
    await insertIgnoringExisting(store.db, 'item', [item(1, 'second'), item(2, 'second')]);
    expect(await store.db.selectFrom('item').select(['id', 'a']).orderBy('id').execute()).toEqual([
      { id: 'i1', a: 'first' },
      { id: 'i2', a: 'second' },
    ]);
  });

  it('does nothing for no rows', async () => {
    store.resetQueryCount();
    await insertIgnoringExisting(store.db, 'item', []);
    expect(store.queryCount()).toBe(0);
  });
});
