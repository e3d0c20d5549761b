import { personas } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import { type AgencyDatabase } from '@resident-graph/store';
import { openTestStore } from '@resident-graph/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UspsDatabase } from './database.js';
import { uspsMigrations } from './migrations.js';
import { isUspsSeeded, seedUsps } from './seed.js';

const today = '2026-06-15';

describe('seedUsps', () => {
  let store: AgencyDatabase<UspsDatabase>;
  beforeEach(async () => {
    store = await openTestStore<UspsDatabase>('usps', uspsMigrations);
  });
  afterEach(() => store.close());

  const count = async (table: keyof UspsDatabase) =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('links only residents with a change of address, under the Postal Service’s own ids', async () => {
    expect(await isUspsSeeded(store.db)).toBe(false);
    await seedUsps(store.db, personas(today));
    expect(await store.db.selectFrom('resident_link').selectAll().execute()).toEqual([
      { resident_id: 'rsd_marcus', usps_id: 'USPS-C-000000001' },
    ]);
    expect(await isUspsSeeded(store.db)).toBe(true);
  });

  it('numbers later chunks on, and re-seeding changes nothing', async () => {
    const residents = [...generateResidents(400, today)];
    await seedUsps(store.db, residents.slice(0, 200));
    await seedUsps(store.db, residents.slice(200));
    const ids = await store.db
      .selectFrom('resident_link')
      .select('usps_id')
      .orderBy('usps_id')
      .execute();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.map((r) => r.usps_id)).toEqual(
      ids.map((_, i) => `USPS-C-${String(i + 1).padStart(9, '0')}`),
    );
    const before = {
      links: await count('resident_link'),
      requests: await count('change_of_address'),
    };

    await seedUsps(store.db, residents);
    expect({
      links: await count('resident_link'),
      requests: await count('change_of_address'),
    }).toEqual(before);
    expect(before.requests).toBe(residents.filter((r) => r.usps.changeOfAddress).length);
  });
});
