import { verifyDisclosureLog, type IdentityDatabase } from '@resident-graph/subgraph-identity';
import type { Kysely } from '@resident-graph/store';
import type { TestSystem } from '@resident-graph/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './system.js';

// The accounting of disclosures under load and under attack: every release recorded exactly once
// in a chain that verifies, tampering found, and nothing released when the log cannot be written.

const READ = `query TaxHelperStatus { me { taxRefund { statusCode } } }`;
const residents = ['rsd_grace', 'rsd_marcus', 'rsd_ava', 'rsd_nora'];

describe('disclosure log', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({ proxyIdentityRecords: true });
    for (const residentId of residents) {
      const granted = await system.query(
        `mutation { grantConsent(input: { clientId: "taxhelper-demo", scopes: ["irs:read"],
            purpose: TAX_PREPARATION, expiresOn: "2026-12-31", maxFetches: 100, fetchPeriod: DAY }) { id } }`,
        { token: await system.token(residentId) },
      );
      expect(granted.errors).toBeUndefined();
    }
  });
  afterAll(() => system?.stop());

  const identityDb = () => system.subgraph('identity').store.db as Kysely<IdentityDatabase>;
  const jwks = () => system.subgraph('identity').recordsKey.jwks;
  const integrator = (residentId: string) =>
    system.token(residentId, { clientId: 'taxhelper-demo', scopes: ['irs:read'] });

  it('records each of 200 concurrent disclosing requests exactly once, in a chain that verifies', async () => {
    const before = await identityDb().selectFrom('disclosure').select('seq').execute();
    const tokens = await Promise.all(residents.map(integrator));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        system.query(READ, { token: tokens[i % tokens.length] }),
      ),
    );
    expect(results.filter((r) => r.errors !== undefined)).toEqual([]);
    expect(results.every((r) => r.data?.['me'] !== null)).toBe(true);

    const records = await identityDb()
      .selectFrom('disclosure')
      .select(['request_id', 'resident_id', 'agency', 'fields'])
      .where('seq', '>', before.length)
      .execute();
    expect(records).toHaveLength(200);
    expect(new Set(records.map((r) => r.request_id)).size).toBe(200);
    for (const residentId of residents)
      expect(records.filter((r) => r.resident_id === residentId)).toHaveLength(50);
    expect(new Set(records.map((r) => `${r.agency} ${r.fields}`))).toEqual(
      new Set(['irs ["Resident.taxRefund","TaxRefund.statusCode"]']),
    );
    const verified = await verifyDisclosureLog(identityDb(), jwks());
    expect(verified.problems).toEqual([]);
    expect(verified.checked).toBe(before.length + 200);
  });

  it('releases nothing to an application when the record cannot be written; residents still read', async () => {
    const proxy = system.proxies['identity-records'];
    proxy?.setFault({ kind: 'refuse' });
    try {
      const refused = await system.query(READ, { token: await integrator('rsd_grace') });
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.map((e) => e.extensions?.['code'])).toEqual([
        'DISCLOSURE_NOT_RECORDED',
      ]);
      const own = await system.query<{ me: { taxRefund: { statusCode: string } } }>(READ, {
        token: await system.token('rsd_grace'),
      });
      expect(own.errors).toBeUndefined();
      expect(own.data?.me.taxRefund.statusCode).toEqual(expect.any(String));
    } finally {
      proxy?.setFault({ kind: 'pass' });
    }
    const again = await system.query(READ, { token: await integrator('rsd_grace') });
    expect(again.errors).toBeUndefined();
  });

  it('finds a record edited or removed after the fact', async () => {
    const db = identityDb();
    const [first] = await db.selectFrom('disclosure').selectAll().orderBy('seq').limit(1).execute();
    if (!first) throw new Error('no disclosure recorded');
    await db
      .updateTable('disclosure')
      .set({ recipient: 'someone-else' })
      .where('seq', '=', first.seq)
      .execute();
    const edited = await verifyDisclosureLog(db, jwks());
    expect(edited.problems).toEqual([
      { seq: first.seq, problem: 'content does not match its hash (edited)' },
    ]);
    await db
      .updateTable('disclosure')
      .set({ recipient: first.recipient })
      .where('seq', '=', first.seq)
      .execute();

    const last = await db
      .selectFrom('disclosure')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('disclosure').where('seq', '=', last.seq).execute();
    const removed = await verifyDisclosureLog(db, jwks());
    expect(removed.problems.map((p) => p.problem)).toEqual([
      expect.stringMatching(/chain head says .* records/),
    ]);
  });
});
