import { personas } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import { type AgencyDatabase } from '@resident-graph/store';
import { openTestStore } from '@resident-graph/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IrsDatabase } from './database.js';
import { irsMigrations } from './migrations.js';
import { isIrsSeeded, seedIrs } from './seed.js';

const today = '2026-06-15';

describe('seedIrs', () => {
  let store: AgencyDatabase<IrsDatabase>;
  beforeEach(async () => {
    store = await openTestStore<IrsDatabase>('irs', irsMigrations);
  });
  afterEach(() => store.close());

  const count = async (table: keyof IrsDatabase) =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('links only residents the IRS has a record of, under its own taxpayer ids, never an SSN', async () => {
    expect(await isIrsSeeded(store.db)).toBe(false);
    await seedIrs(store.db, personas(today));
    const links = await store.db
      .selectFrom('resident_link')
      .selectAll()
      .orderBy('irs_id')
      .execute();
    // Ava and Grace filed returns, Nora has a child tax credit, Marcus both; Walter and Rosa have no IRS record.
    expect(links).toEqual([
      { resident_id: 'rsd_ava', irs_id: 'IRS-T-000000001' },
      { resident_id: 'rsd_nora', irs_id: 'IRS-T-000000002' },
      { resident_id: 'rsd_marcus', irs_id: 'IRS-T-000000003' },
      { resident_id: 'rsd_grace', irs_id: 'IRS-T-000000004' },
    ]);
    expect(await isIrsSeeded(store.db)).toBe(true);
  });

  it('numbers later chunks on, and re-seeding changes nothing', async () => {
    const residents = [...generateResidents(300, today)];
    await seedIrs(store.db, residents.slice(0, 150));
    await seedIrs(store.db, residents.slice(150));
    const ids = await store.db
      .selectFrom('resident_link')
      .select('irs_id')
      .orderBy('irs_id')
      .execute();
    expect(ids.map((r) => r.irs_id)).toEqual(
      ids.map((_, i) => `IRS-T-${String(i + 1).padStart(9, '0')}`),
    );
    const before = {
      links: await count('resident_link'),
      returns: await count('tax_return'),
      changes: await count('address_change'),
      credits: await count('child_tax_credit'),
    };

    await seedIrs(store.db, residents);
    expect({
      links: await count('resident_link'),
      returns: await count('tax_return'),
      changes: await count('address_change'),
      credits: await count('child_tax_credit'),
    }).toEqual(before);
    expect(before.returns).toBe(residents.filter((r) => r.irs.refund).length);
    expect(before.changes).toBe(residents.filter((r) => r.irs.addressChange).length);
    expect(before.credits).toBe(residents.filter((r) => r.irs.childTaxCredit).length);
  });
});
