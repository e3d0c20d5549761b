import { openAgencyDatabase, sql } from '@resident-graph/store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LifeEventsDatabase } from './database.js';
import { lifeEventsMigrations } from './migrations.js';

describe('life-events migrations', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('0003 drops the copied agency dates of 0002 and keeps only declarations from then on', async () => {
    dir = mkdtempSync(join(tmpdir(), 'life-events-migrations-'));
    const file = join(dir, 'life-events.sqlite');
    const {
      '0003_resident_life_event_declarations': _reshape,
      '0004_leaving_military': _later,
      '0005_declarations': _declarations,
      '0006_declaration_accounting': _accounting,
      ...released
    } = lifeEventsMigrations;
    const before = await openAgencyDatabase<unknown>(file, released);
    await sql`INSERT INTO resident_life_event (resident_id, kind, started_on, ends_on)
      VALUES ('rsd_ava', 'TURNING_65', '2025-08-15', '2027-02-15')`.execute(before.db);
    await before.close();

    const after = await openAgencyDatabase<LifeEventsDatabase>(file, lifeEventsMigrations);
    try {
      expect(await after.db.selectFrom('resident_life_event').selectAll().execute()).toEqual([]);
      await after.db
        .insertInto('resident_life_event')
        .values({
          resident_id: 'rsd_nora',
          kind: 'HAVING_A_CHILD',
          event_date: '2026-06-03',
          declared_on: '2026-06-03',
        })
        .execute();
      // TURNING_65 is derived from the birth date per request; the table refuses to hold it.
      await expect(
        after.db
          .insertInto('resident_life_event')
          .values({
            resident_id: 'rsd_ava',
            kind: 'TURNING_65',
            event_date: '2026-08-15',
            declared_on: '2026-06-01',
          })
          .execute(),
      ).rejects.toThrow(/CHECK constraint failed/);
    } finally {
      await after.close();
    }
  });

  it('0004 adds LEAVING_MILITARY to the catalog and keeps every declaration made before it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'life-events-migrations-'));
    const file = join(dir, 'life-events.sqlite');
    const {
      '0004_leaving_military': _added,
      '0005_declarations': _declarations,
      '0006_declaration_accounting': _accounting,
      ...released
    } = lifeEventsMigrations;
    const before = await openAgencyDatabase<LifeEventsDatabase>(file, released);
    const declaration = {
      resident_id: 'rsd_marcus',
      kind: 'MOVING',
      event_date: '2026-06-24',
      declared_on: '2026-06-09',
    };
    await before.db.insertInto('resident_life_event').values(declaration).execute();
    await before.close();

    const after = await openAgencyDatabase<LifeEventsDatabase>(file, lifeEventsMigrations);
    try {
      expect(await after.db.selectFrom('resident_life_event').selectAll().execute()).toEqual([
        declaration,
      ]);
      const steps = await after.db
        .selectFrom('life_event_step')
        .select(['agency', 'task_type'])
        .where('life_event_kind', '=', 'LEAVING_MILITARY')
        .orderBy('position')
        .execute();
      expect(steps.map((s) => s.task_type)).toEqual([
        'DisabilityClaim',
        'VaHealthCareEnrollment',
        'GiBill',
        'MailForwarding',
        'TaxAddressChange',
      ]);
      await after.db
        .insertInto('resident_life_event')
        .values({ ...declaration, kind: 'LEAVING_MILITARY', event_date: '2026-10-03' })
        .execute();
      await expect(
        after.db
          .insertInto('resident_life_event')
          .values({ ...declaration, kind: 'TURNING_65' })
          .execute(),
      ).rejects.toThrow(/CHECK constraint failed/);
    } finally {
      await after.close();
    }
  });
});
