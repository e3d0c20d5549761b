import { listDeadLetters } from '@resident-graph/notifications';
import { sql } from '@resident-graph/store';
import { identitySubgraph, type IdentityDatabase } from '@resident-graph/subgraph-identity';
import { eventually } from '@resident-graph/testing';
import { Redis } from 'ioredis';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  repositoryRoot,
  startTellUsOnceProcesses,
  type TellUsOnceProcesses,
} from './tell-us-once-processes.js';

// The disclosure records of tell us once (ADR 0017) under faults, with real processes
// (./tell-us-once-processes.ts): life-events (outbox relay) and identity (its consumer, signing with
// its records key) against a redis-server this test owns. Declarations are recorded straight into
// the life-events store, each telling the Postal Service (whose stream nobody reads here); what is
// checked is identity's log: one record per agency told, never two, and `npm run audit:verify`
// finding the chain intact in identity's SQLite file.
const PREFIX = 'rg-test:disclosure-faults';

describe('tell us once: disclosures recorded once through killed consumers, a lost Redis and a broken log', () => {
  let system: TellUsOnceProcesses<IdentityDatabase>;

  const notices = (declarationIds: readonly string[]) =>
    system.lifeEvents.db
      .selectFrom('declaration_accounting')
      .select(['id', 'status', 'reason'])
      .where('declaration_id', 'in', [...declarationIds])
      .execute();

  async function recordedAtIdentity(declarationIds: readonly string[]) {
    const rows = await system.consumer.db
      .selectFrom('disclosure')
      .select(['case_reference', 'request_id'])
      .where('case_reference', 'in', [...declarationIds])
      .execute();
    return rows;
  }

  function auditVerify() {
    return spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit-verify.ts', '--data-dir', system.dir],
      { cwd: repositoryRoot, env: system.env, encoding: 'utf8' },
    );
  }

  /** Each declaration's notice APPLIED, and exactly one record of its one agency told. */
  async function expectEachRecordedOnce(declarationIds: readonly string[]) {
    await eventually(
      async () => {
        const rows = await notices(declarationIds);
        return rows.length === declarationIds.length && rows.every((r) => r.status === 'APPLIED')
          ? true
          : undefined;
      },
      { what: 'every notice APPLIED', timeoutMs: 60_000 },
    );
    const records = await recordedAtIdentity(declarationIds);
    expect(records).toHaveLength(declarationIds.length);
    expect(new Set(records.map((r) => r.case_reference)).size).toBe(declarationIds.length);
    const audit = auditVerify();
    expect(audit.status, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/disclosure log intact: [1-9]\d* records/);
  }

  beforeAll(async () => {
    system = await startTellUsOnceProcesses({
      consumer: identitySubgraph,
      keyPrefix: PREFIX,
      dirPrefix: 'rg-tuo-disclosures-',
    });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('records every agency told exactly once when identity is killed mid-batch and restarted', async () => {
    const declarations = await system.reportMoves(400);
    const consumer = system.running('identity');
    await eventually(
      async () => ((await recordedAtIdentity(declarations)).length >= 20 ? true : undefined),
      { what: 'identity to be under way', everyMs: 5 },
    );
    consumer.child.kill('SIGKILL');
    await consumer.exited;
    // The kill came mid-batch (otherwise this test proves nothing).
    expect((await recordedAtIdentity(declarations)).length).toBeLessThan(400);
    await system.startSubgraph('identity');
    await expectEachRecordedOnce(declarations);
  }, 120_000);

  it('loses nothing and records nothing twice when Redis is flushed, then restarted, mid-stream', async () => {
    const declarations = await system.reportMoves(300);
    await eventually(
      async () => ((await recordedAtIdentity(declarations)).length >= 20 ? true : undefined),
      { what: 'recording to be under way', everyMs: 5 },
    );
    await system.redis.flushAll();
    await system.redis.kill();
    // Declared while Redis is down: recorded all the same, delivered once it is back.
    const duringOutage = await system.reportMoves(50);
    await system.redis.start();
    await expectEachRecordedOnce([...declarations, ...duringOutage]);
  }, 120_000);

  it('dead-letters notices identity cannot record, and a replay records them once', async () => {
    // The log's chain head is gone: nothing can be appended, so nothing is (and nothing half-way).
    await sql`alter table disclosure_chain_head rename to disclosure_chain_head_broken`.execute(
      system.consumer.db,
    );
    const stuck = await system.reportMoves(3);
    const failed = await eventually(
      async () => {
        const rows = await notices(stuck);
        return rows.every((r) => r.status === 'FAILED') ? rows : undefined;
      },
      { what: 'the stuck notices to be reported FAILED' },
    );
    expect(failed[0]?.reason).toMatch(/could not process this after 3 tries/);
    expect(await recordedAtIdentity(stuck)).toEqual([]);
    // The resident hears nothing of identity's bookkeeping.
    const { rows: messages } = await sql<{ n: number }>`
      select count(*) as n from resident_notification where agency = 'IDENTITY'`.execute(
      system.lifeEvents.db,
    );
    expect(Number(messages[0]?.n)).toBe(0);

    await sql`alter table disclosure_chain_head_broken rename to disclosure_chain_head`.execute(
      system.consumer.db,
    );
    const script = system.deadLetters;
    expect(script(['list', '--agency', 'IDENTITY']).stdout).toContain('IDENTITY: 3 dead-lettered');
    expect(script(['replay', '--agency', 'IDENTITY']).stdout).toContain('IDENTITY: replayed 3');
    await expectEachRecordedOnce(stuck);
    const client = new Redis(system.redis.url);
    client.on('error', () => {});
    try {
      expect(await listDeadLetters(client, PREFIX, 'IDENTITY')).toEqual([]);
    } finally {
      client.disconnect();
    }
  }, 120_000);
});
