import type { AgencyDatabase } from '@resident-graph/store';
import { openTestStore } from '@resident-graph/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityMigrations } from '../store/migrations.js';
import type { IdentityDatabase } from '../store/database.js';
import {
  admitRelease,
  changeGrantStatus,
  checkTerms,
  grantConsent,
  listConsentGrants,
  operationHash,
} from './consent-store.js';
import { ConsentPurpose, ConsentStatus, FetchPeriod } from './consent.type.js';

const now = new Date('2026-06-15T12:00:00Z');
const terms = {
  scopes: ['irs:read'],
  purpose: ConsentPurpose.TAX_PREPARATION,
  expiresOn: '2026-06-30',
  retentionDays: 30,
  maxFetches: 2,
  fetchPeriod: FetchPeriod.DAY,
};
const release = { residentId: 'rsd_a', clientId: 'tax-app', operationHash: operationHash('{ a }') };

describe('consent store', () => {
  let store: AgencyDatabase<IdentityDatabase>;
  beforeEach(async () => {
    store = await openTestStore<IdentityDatabase>('identity', identityMigrations);
  });
  afterEach(() => store.close());

  it('counts fetches per calendar period and starts again in the next one', async () => {
    await grantConsent(
      store.db,
      { ...terms, residentId: 'rsd_a', clientId: 'tax-app' },
      now,
      '2026-06-15',
    );
    const day = (today: string) => admitRelease(store.db, release, today);
    expect((await day('2026-06-15')).allowed).toBe(true);
    expect((await day('2026-06-15')).allowed).toBe(true);
    expect(await day('2026-06-15')).toEqual({
      allowed: false,
      reason: 'consent:fetch-limit',
      period: 'DAY',
    });
    expect((await day('2026-06-16')).allowed).toBe(true);
  });

  it('never lets concurrent requests share the last fetch', async () => {
    await grantConsent(
      store.db,
      { ...terms, maxFetches: 5, residentId: 'rsd_a', clientId: 'tax-app' },
      now,
      '2026-06-15',
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, () => admitRelease(store.db, release, '2026-06-15')),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('says why a release is refused: none, paused, revoked, expired, another client', async () => {
    expect(await admitRelease(store.db, release, '2026-06-15')).toMatchObject({
      reason: 'consent:none',
    });
    const grant = await grantConsent(
      store.db,
      { ...terms, residentId: 'rsd_a', clientId: 'tax-app' },
      now,
      '2026-06-15',
    );
    await changeGrantStatus(store.db, grant.id, 'rsd_a', ConsentStatus.PAUSED, now, '2026-06-15');
    expect(await admitRelease(store.db, release, '2026-06-15')).toMatchObject({
      reason: 'consent:paused',
    });
    await changeGrantStatus(store.db, grant.id, 'rsd_a', ConsentStatus.ACTIVE, now, '2026-06-15');
    expect((await admitRelease(store.db, release, '2026-06-15')).allowed).toBe(true);
    expect(await admitRelease(store.db, release, '2026-07-01')).toMatchObject({
      reason: 'consent:expired',
    });
    expect(
      await admitRelease(store.db, { ...release, clientId: 'other' }, '2026-06-15'),
    ).toMatchObject({ reason: 'consent:none' });
    await changeGrantStatus(store.db, grant.id, 'rsd_a', ConsentStatus.REVOKED, now, '2026-06-15');
    expect(await admitRelease(store.db, release, '2026-06-15')).toMatchObject({
      reason: 'consent:revoked',
    });
    // Revoked is for good, and another resident cannot touch the grant.
    await expect(
      changeGrantStatus(store.db, grant.id, 'rsd_a', ConsentStatus.ACTIVE, now, '2026-06-15'),
    ).rejects.toThrow(/revoked; it cannot become active/);
    await expect(
      changeGrantStatus(store.db, grant.id, 'rsd_b', ConsentStatus.PAUSED, now, '2026-06-15'),
    ).rejects.toThrow(/no consent with this id/);
    expect((await listConsentGrants(store.db, 'rsd_a', '2026-06-15'))[0]?.status).toBe('REVOKED');
  });

  it('refuses terms a resident cannot give', () => {
    const today = '2026-06-15';
    expect(() => checkTerms({ ...terms, scopes: [] }, today)).toThrow(/at least one scope/);
    expect(() => checkTerms({ ...terms, scopes: ['ssa:staff'] }, today)).toThrow(/not something/);
    expect(() => checkTerms({ ...terms, expiresOn: today }, today)).toThrow(/after today/);
    expect(() => checkTerms({ ...terms, expiresOn: '2028-01-01' }, today)).toThrow(/at most/);
    expect(() => checkTerms({ ...terms, maxFetches: 0 }, today)).toThrow(/between 1 and/);
    expect(() => checkTerms({ ...terms, retentionDays: -1 }, today)).toThrow(/0 or more/);
    expect(() => checkTerms(terms, today)).not.toThrow();
  });
});
