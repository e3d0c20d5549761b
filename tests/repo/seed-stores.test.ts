import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSeedRecord, seedStores } from '../../scripts/lib/seed-stores.js';
import { subgraphs } from '../../scripts/lib/subgraphs.js';

describe('seeding every agency store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-seed-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const avaBirthDate = () => {
    const db = new Database(join(dataDir, 'identity.sqlite'), { readonly: true });
    try {
      return (
        db.prepare("select birth_date from resident where id = 'rsd_ava'").get() as {
          birth_date: string;
        }
      ).birth_date;
    } finally {
      db.close();
    }
  };
  const count = (store: string, table: string) => {
    const db = new Database(join(dataDir, `${store}.sqlite`), { readonly: true });
    try {
      return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('fills every store and records the date it was seeded as of', async () => {
    const result = await seedStores({
      dataDir,
      asOf: '2026-06-15',
      generated: 20,
      onlyIfEmpty: false,
    });
    expect(result.seeded).toHaveLength(subgraphs.length);
    expect(result.residents).toBe(27); // 7 personas + 20 generated
    expect(readSeedRecord(dataDir)).toMatchObject({ asOf: '2026-06-15', generated: 20 });
    expect(avaBirthDate()).toBe('1961-08-15');
  });

  it('leaves seeded stores alone when asked to seed only empty ones', async () => {
    const result = await seedStores({
      dataDir,
      asOf: '2027-01-10',
      generated: 20,
      onlyIfEmpty: true,
    });
    expect(result.seeded).toEqual([]);
    expect(avaBirthDate()).toBe('1961-08-15');
    expect(readSeedRecord(dataDir)?.asOf).toBe('2026-06-15');
  });

  it('rebuilds every store, as of the new date, when one of them is empty', async () => {
    const db = new Database(join(dataDir, 'life-events.sqlite'));
    db.exec('delete from resident_life_event');
    db.close();
    const result = await seedStores({
      dataDir,
      asOf: '2026-07-01',
      generated: 20,
      onlyIfEmpty: true,
    });
    expect(result.seeded).toHaveLength(subgraphs.length);
    expect(avaBirthDate()).toBe('1961-09-15');
    expect(readSeedRecord(dataDir)?.asOf).toBe('2026-07-01');
  });

  it('refuses a date that does not exist before touching anything', async () => {
    await expect(
      seedStores({ dataDir, asOf: '2026-02-30', generated: 1, onlyIfEmpty: false }),
    ).rejects.toThrow(RangeError);
    expect(readSeedRecord(dataDir)?.asOf).toBe('2026-07-01');
  });

  it('rebuilds from scratch on a plain re-seed, so two dates never mix', async () => {
    const identityRows = count('identity', 'resident');
    await seedStores({ dataDir, asOf: '2027-01-10', generated: 20, onlyIfEmpty: false });
    expect(avaBirthDate()).toBe('1962-03-15');
    expect(count('identity', 'resident')).toBe(identityRows);
    expect(readSeedRecord(dataDir)?.asOf).toBe('2027-01-10');
  });
});
