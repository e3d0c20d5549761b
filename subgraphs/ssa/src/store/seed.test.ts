import { personas } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import { sql, type AgencyDatabase } from '@resident-graph/store';
import { TEST_TODAY, openTestStore } from '@resident-graph/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SsaDatabase } from './database.js';
import { ssaMigrations } from './migrations.js';
import { isSsaSeeded, seedSsa } from './seed.js';

describe('seedSsa', () => {
  let store: AgencyDatabase<SsaDatabase>;
  beforeEach(async () => {
    store = await openTestStore<SsaDatabase>('ssa', ssaMigrations);
  });
  afterEach(() => store.close());

  const count = async (table: keyof SsaDatabase) =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('links each resident to its own SSA id, in sequence across chunks', async () => {
    expect(await isSsaSeeded(store.db)).toBe(false);
    const residents = [...personas(TEST_TODAY), ...generateResidents(2500, TEST_TODAY)];
    for (let i = 0; i < residents.length; i += 1000)
      await seedSsa(store.db, residents.slice(i, i + 1000));
    expect(await isSsaSeeded(store.db)).toBe(true);
    const links = await store.db
      .selectFrom('resident_link')
      .selectAll()
      .orderBy('ssa_id')
      .execute();
    expect(links).toHaveLength(residents.length);
    expect(links[0]).toEqual({ resident_id: 'rsd_ava', ssa_id: 'SSA-B-000000001' });
    expect(links.at(-1)?.ssa_id).toBe(`SSA-B-${String(residents.length).padStart(9, '0')}`);
    expect(new Set(links.map((l) => l.ssa_id)).size).toBe(residents.length);
    expect(await count('number_holder')).toBe(residents.length);
  });

  it('is harmless to run again: no new rows, ids kept', async () => {
    const residents = [...personas(TEST_TODAY), ...generateResidents(300, TEST_TODAY)];
    await seedSsa(store.db, residents);
    const before = await store.db
      .selectFrom('resident_link')
      .selectAll()
      .orderBy('resident_id')
      .execute();
    const counts = await Promise.all(
      (
        [
          'number_holder',
          'retirement_application',
          'newborn_card_request',
          'address_change',
        ] as const
      ).map(count),
    );
    await seedSsa(store.db, residents.slice(0, 100));
    await seedSsa(store.db, residents);
    expect(
      await store.db.selectFrom('resident_link').selectAll().orderBy('resident_id').execute(),
    ).toEqual(before);
    expect(
      await Promise.all(
        (
          [
            'number_holder',
            'retirement_application',
            'newborn_card_request',
            'address_change',
          ] as const
        ).map(count),
      ),
    ).toEqual(counts);
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  it('stores the SSN only as an attribute of SSA’s own record, never as a key', async () => {
    await seedSsa(store.db, personas(TEST_TODAY));
    const ava = await store.db
      .selectFrom('resident_link as l')
      .innerJoin('number_holder as h', 'h.ssa_id', 'l.ssa_id')
      .select(['h.ssa_id', 'h.ssn'])
      .where('l.resident_id', '=', 'rsd_ava')
      .executeTakeFirstOrThrow();
    expect(ava).toEqual({ ssa_id: 'SSA-B-000000001', ssn: '900-12-4821' });
    // Every index on the table (primary key and unique ones included) and the columns it covers.
    const indexed = await sql<{ column_name: string }>`${
      store.dialect === 'postgres'
        ? sql`select a.attname as column_name from pg_index i
            join pg_class c on c.oid = i.indrelid
            join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
            where c.relname = 'number_holder' and c.relnamespace = current_schema()::regnamespace`
        : sql`select ii.name as column_name from pragma_index_list('number_holder') as il, pragma_index_info(il.name) as ii`
    }`.execute(store.db);
    expect(indexed.rows.map((row) => row.column_name)).toEqual(['ssa_id']);
  });
});
