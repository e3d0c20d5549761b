import { personas } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import { type AgencyDatabase } from '@resident-graph/store';
import { TEST_TODAY, openTestStore } from '@resident-graph/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CmsDatabase } from './database.js';
import { cmsMigrations } from './migrations.js';
import { isCmsSeeded, seedCms } from './seed.js';

describe('seedCms', () => {
  let store: AgencyDatabase<CmsDatabase>;
  beforeEach(async () => {
    store = await openTestStore<CmsDatabase>('cms', cmsMigrations);
  });
  afterEach(() => store.close());

  const beneficiaryOf = (residentId: string) =>
    store.db
      .selectFrom('resident_link as l')
      .innerJoin('medicare_beneficiary as m', 'm.cms_id', 'l.cms_id')
      .selectAll('m')
      .where('l.resident_id', '=', residentId)
      .executeTakeFirst();

  it('derives automatic enrollment from the SSA benefit start and the birth date', async () => {
    await seedCms(store.db, personas(TEST_TODAY));
    // Walter has received Social Security since 62.
    expect(await beneficiaryOf('rsd_walter')).toMatchObject({
      part_a: 'ENROLLED',
      part_b: 'ENROLLED',
      enrolled_automatically: 1,
    });
    expect(await beneficiaryOf('rsd_rosa')).toMatchObject({
      part_a: 'ENROLLED',
      part_b: 'PENDING',
      enrolled_automatically: 0,
    });
    // Ava has nothing for Medicare to record yet.
    expect(await beneficiaryOf('rsd_ava')).toBeUndefined();
  });

  it('links every resident to its own CMS id, in sequence across chunks', async () => {
    expect(await isCmsSeeded(store.db)).toBe(false);
    const residents = [...personas(TEST_TODAY), ...generateResidents(2500, TEST_TODAY)];
    for (let i = 0; i < residents.length; i += 1000)
      await seedCms(store.db, residents.slice(i, i + 1000));
    expect(await isCmsSeeded(store.db)).toBe(true);
    const links = await store.db
      .selectFrom('resident_link')
      .selectAll()
      .orderBy('cms_id')
      .execute();
    expect(links).toHaveLength(residents.length);
    expect(links[0]).toEqual({ resident_id: 'rsd_ava', cms_id: 'CMS-B-000000001' });
    expect(new Set(links.map((l) => l.cms_id)).size).toBe(residents.length);
    expect(links.at(-1)?.cms_id).toBe(`CMS-B-${String(residents.length).padStart(9, '0')}`);
  });

  it('is harmless to run again', async () => {
    const residents = [...personas(TEST_TODAY), ...generateResidents(300, TEST_TODAY)];
    await seedCms(store.db, residents);
    const links = await store.db
      .selectFrom('resident_link')
      .selectAll()
      .orderBy('resident_id')
      .execute();
    const beneficiaries = await store.db
      .selectFrom('medicare_beneficiary')
      .selectAll()
      .orderBy('cms_id')
      .execute();
    expect(beneficiaries.length).toBeGreaterThan(0);
    await seedCms(store.db, residents.slice(50, 150));
    await seedCms(store.db, residents);
    expect(
      await store.db.selectFrom('resident_link').selectAll().orderBy('resident_id').execute(),
    ).toEqual(links);
    expect(
      await store.db.selectFrom('medicare_beneficiary').selectAll().orderBy('cms_id').execute(),
    ).toEqual(beneficiaries);
  });
});
