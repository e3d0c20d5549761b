import { personas } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import { type AgencyDatabase } from '@resident-graph/store';
import { openTestStore } from '@resident-graph/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateDatabase } from './database.js';
import { stateMigrations } from './migrations.js';
import { isStateSeeded, seedState } from './seed.js';

const today = '2026-06-15';

describe('seedState', () => {
  let store: AgencyDatabase<StateDatabase>;
  beforeEach(async () => {
    store = await openTestStore<StateDatabase>('state', stateMigrations);
  });
  afterEach(() => store.close());

  it('links only residents the Department of State has a record of, under its own ids', async () => {
    expect(await isStateSeeded(store.db)).toBe(false);
    await seedState(store.db, personas(today));
    const links = await store.db
      .selectFrom('resident_link')
      .selectAll()
      .orderBy('state_id')
      .execute();
    // Ava, Rosa, Nora and Grace have passports; Walter and Marcus have no passport record.
    expect(links.map((l) => l.resident_id)).toEqual([
      'rsd_ava',
      'rsd_rosa',
      'rsd_nora',
      'rsd_grace',
    ]);
    expect(links.map((l) => l.state_id)).toEqual([
      'DOS-C-000000001',
      'DOS-C-000000002',
      'DOS-C-000000003',
      'DOS-C-000000004',
    ]);
    expect(await isStateSeeded(store.db)).toBe(true);
  });

  it('numbers later chunks on, and re-seeding changes nothing', async () => {
    const residents = [...generateResidents(300, today)];
    await seedState(store.db, residents.slice(0, 150));
    await seedState(store.db, residents.slice(150));
    const count = async (
      table: 'resident_link' | 'passport' | 'renewal_application' | 'child_passport_application',
    ) =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      links: await count('resident_link'),
      passports: await count('passport'),
      renewals: await count('renewal_application'),
    };
    const ids = await store.db
      .selectFrom('resident_link')
      .select('state_id')
      .orderBy('state_id')
      .execute();
    expect(ids.map((r) => r.state_id)).toEqual(
      ids.map((_, i) => `DOS-C-${String(i + 1).padStart(9, '0')}`),
    );

    await seedState(store.db, residents);
    expect({
      links: await count('resident_link'),
      passports: await count('passport'),
      renewals: await count('renewal_application'),
    }).toEqual(before);
    expect(before.passports).toBe(residents.filter((r) => r.state.passport).length);
    expect(before.renewals).toBe(residents.filter((r) => r.state.renewalApplication).length);
  });
});
