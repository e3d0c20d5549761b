import { generateResidents } from '@resident-graph/personas/generate';
import { sql, type Kysely } from '@resident-graph/store';
import { verifyDisclosureLog, type IdentityDatabase } from '@resident-graph/subgraph-identity';
import {
  deleteRedisKeys,
  eventually,
  SHARED_TEST_REDIS_URL,
  TEST_TODAY,
  uniqueRedisPrefix,
} from '@resident-graph/testing';
import type { TestSystem } from '@resident-graph/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMovesAtOnce } from '../../scripts/lib/tell-us-once-load.js';
import { startSystem } from './system.js';

// 1,000 residents report a move at once through the gateway; every agency must process all 1,000,
// each once, and identity must record each agency told in the resident's disclosure log, once.
// Completeness only: the time it takes is printed by `npm run bench:tell-us-once`.
const prefix = uniqueRedisPrefix('tell-us-once-load');
const residents = [...generateResidents(1_000, TEST_TODAY)];

describe('tell us once at load', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      fixture: {
        residents,
        delivery: {
          redisUrl: SHARED_TEST_REDIS_URL,
          keyPrefix: prefix,
          maxAttempts: 5,
          retryBaseMs: 1_000,
          redeliverAfterMs: 60_000,
        },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await deleteRedisKeys(SHARED_TEST_REDIS_URL, prefix);
  });

  it('has every agency process all 1,000 moves, each exactly once', async () => {
    const result = await reportMovesAtOnce(system, residents);
    for (const agency of ['USPS', 'IRS', 'SSA', 'STATE']) {
      expect(result.perAgency[agency]?.processed, agency).toBe(1_000);
    }
    // Where the agency keeps the record for everyone, all were applied.
    expect(result.perAgency['USPS']?.applied).toBe(1_000);
    expect(result.perAgency['IRS']?.applied).toBe(1_000);

    // Four agencies told per move: 4,000 disclosures, from 1,000 notices, in one chain that verifies.
    const identity = system.subgraph('identity');
    const db = identity.store.db as Kysely<IdentityDatabase>;
    await eventually(
      async () => {
        const { rows } = await sql<{ n: number }>`
          select count(*) as n from applied_notification`.execute(db);
        return Number(rows[0]?.n) >= 1_000 ? true : undefined;
      },
      { what: 'identity to record every move', timeoutMs: 120_000, everyMs: 200 },
    );
    const { rows } = await sql<{ n: number; requests: number }>`
      select count(*) as n, count(distinct request_id) as requests from disclosure
      where agency = 'life-events'`.execute(db);
    expect(Number(rows[0]?.n)).toBe(4_000);
    expect(Number(rows[0]?.requests)).toBe(4_000);
    expect((await verifyDisclosureLog(db, identity.recordsKey.jwks)).problems).toEqual([]);
  }, 300_000);
});
