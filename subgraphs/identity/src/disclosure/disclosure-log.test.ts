import { generateSigningKey, type SigningKey } from '@resident-graph/caller';
import type { AgencyDatabase } from '@resident-graph/store';
import { openTestStore } from '@resident-graph/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityMigrations } from '../store/migrations.js';
import type { IdentityDatabase } from '../store/database.js';
import { appendDisclosures, listDisclosures, type Release } from './disclosure-log.js';
import { verifyDisclosureLog } from './verify-log.js';

const release = (n: number, overrides: Partial<Release> = {}): Release => ({
  residentId: 'rsd_a',
  agency: 'irs',
  fields: ['TaxRefund.amount'],
  recipientKind: 'THIRD_PARTY',
  recipient: 'tax-app',
  purpose: 'TAX_PREPARATION',
  consentId: 'cg_1',
  caseReference: null,
  requestId: `req-${n}`,
  ...overrides,
});

describe('disclosure log', () => {
  let store: AgencyDatabase<IdentityDatabase>;
  let key: SigningKey;
  beforeEach(async () => {
    store = await openTestStore<IdentityDatabase>('identity', identityMigrations);
    key = (await generateSigningKey('records-1')).key;
  });
  afterEach(() => store.close());

  it('chains concurrent appends one after another, so the whole log verifies', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        appendDisclosures(store.db, key, [release(i), release(i, { agency: 'identity' })]),
      ),
    );
    expect(await verifyDisclosureLog(store.db, key.jwks)).toEqual({ checked: 60, problems: [] });
  });

  it('keeps each record at least five years', async () => {
    await appendDisclosures(store.db, key, [release(1)], new Date('2026-06-15T12:00:00Z'));
    const [row] = await listDisclosures(store.db, { residentId: 'rsd_a', limit: 10 });
    expect(row?.retain_until).toBe('2031-06-15T12:00:00.000Z');
  });

  it('finds a record signed with another key, and a record removed from the middle', async () => {
    await appendDisclosures(store.db, key, [release(1), release(2), release(3)]);
    const stranger = (await generateSigningKey('records-1')).key;
    expect((await verifyDisclosureLog(store.db, stranger.jwks)).problems).toHaveLength(3);
    await store.db.deleteFrom('disclosure').where('seq', '=', 2).execute();
    expect((await verifyDisclosureLog(store.db, key.jwks)).problems.map((p) => p.problem)).toEqual([
      'expected record 2 (missing records)',
      'does not follow the record before it',
    ]);
  });

  it('writes nothing, and says so, when it cannot sign or the store is gone', async () => {
    await expect(appendDisclosures(store.db, undefined, [release(1)])).rejects.toThrow(
      /no records key/,
    );
    await store.close();
    await expect(appendDisclosures(store.db, key, [release(1)])).rejects.toThrow();
    store = await openTestStore<IdentityDatabase>('identity', identityMigrations);
  });

  it('pages newest first and filters by agency and recipient', async () => {
    for (let i = 1; i <= 5; i++)
      await appendDisclosures(store.db, key, [
        release(i, { agency: i % 2 ? 'irs' : 'ssa', recipient: i < 3 ? 'a' : 'b' }),
      ]);
    const page = await listDisclosures(store.db, { residentId: 'rsd_a', limit: 2 });
    expect(page.map((r) => r.request_id)).toEqual(['req-5', 'req-4', 'req-3']);
    const older = await listDisclosures(store.db, { residentId: 'rsd_a', limit: 2, beforeSeq: 4 });
    expect(older.map((r) => r.request_id)).toEqual(['req-3', 'req-2', 'req-1']);
    const irsToB = await listDisclosures(store.db, {
      residentId: 'rsd_a',
      agency: 'irs',
      recipient: 'b',
      limit: 10,
    });
    expect(irsToB.map((r) => r.request_id)).toEqual(['req-5', 'req-3']);
    expect(await listDisclosures(store.db, { residentId: 'rsd_b', limit: 10 })).toEqual([]);
  });
});
