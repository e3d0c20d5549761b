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
    const { '0003_resident_life_event_declarations': _reshape, ...released } = lifeEventsMigrations;
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
});
