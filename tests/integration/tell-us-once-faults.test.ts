import { listDeadLetters, streamKeys } from '@resident-graph/notifications';
import { sql } from '@resident-graph/store';
import { uspsSubgraph, type UspsDatabase } from '@resident-graph/subgraph-usps';
import { eventually } from '@resident-graph/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTellUsOnceProcesses, type TellUsOnceProcesses } from './tell-us-once-processes.js';

// Tell us once under faults, with real processes (./tell-us-once-processes.ts): life-events (outbox
// relay) and the Postal Service (consumer), against a redis-server this test owns. The test records
// declarations straight into the life-events store and reads both stores.
const PREFIX = 'rg-test:faults';

describe('tell us once: delivery survives killed consumers, a flushed or restarted Redis, and poison', () => {
  let system: TellUsOnceProcesses<UspsDatabase>;

  async function outcomes(declarationIds: readonly string[]) {
    return system.lifeEvents.db
      .selectFrom('declaration_notification')
      .select(['id', 'status', 'reason'])
      .where('declaration_id', 'in', [...declarationIds])
      .execute();
  }

  async function appliedAtUsps(notificationIds: readonly string[]) {
    const rows = await system.consumer.db
      .selectFrom('applied_notification')
      .select('notification_id')
      .where('notification_id', 'in', [...notificationIds])
      .execute();
    return rows.length;
  }

  /** Every declaration's notification APPLIED, applied once at USPS, one request per resident. */
  async function expectEachAppliedExactlyOnce(declarationIds: readonly string[]) {
    const rows = await eventually(
      async () => {
        const rows = await outcomes(declarationIds);
        return rows.every((r) => r.status === 'APPLIED') ? rows : undefined;
      },
      { what: 'every outcome APPLIED', timeoutMs: 60_000 },
    );
    expect(rows).toHaveLength(declarationIds.length);
    expect(await appliedAtUsps(rows.map((r) => r.id))).toBe(declarationIds.length);
    const { rows: perResident } = await sql<{ requests: number }>`
      select count(*) as requests from change_of_address c
      join resident_link l on l.usps_id = c.usps_id
      where c.new_line1 = '1 Test Way' group by l.resident_id having count(*) > 1
    `.execute(system.consumer.db);
    expect(perResident).toEqual([]);
  }

  beforeAll(async () => {
    system = await startTellUsOnceProcesses({
      consumer: uspsSubgraph,
      keyPrefix: PREFIX,
      dirPrefix: 'rg-tell-us-once-',
    });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('applies every notification exactly once when the consumer is killed mid-batch and restarted', async () => {
    const declarations = await system.reportMoves(400);
    const notificationIds = (await outcomes(declarations)).map((r) => r.id);
    const consumer = system.running('usps');
    await eventually(
      async () => ((await appliedAtUsps(notificationIds)) >= 20 ? true : undefined),
      { what: 'the consumer to be under way', everyMs: 5 },
    );
    consumer.child.kill('SIGKILL');
    await consumer.exited;
    const appliedWhenKilled = await appliedAtUsps(notificationIds);
    // The kill came mid-batch (otherwise this test proves nothing).
    expect(appliedWhenKilled).toBeLessThan(400);
    await system.startSubgraph('usps');
    await expectEachAppliedExactlyOnce(declarations);
  }, 120_000);

  it('loses nothing and applies nothing twice when Redis is flushed, then restarted, mid-stream', async () => {
    const declarations = await system.reportMoves(300);
    const notificationIds = (await outcomes(declarations)).map((r) => r.id);
    await eventually(
      async () => ((await appliedAtUsps(notificationIds)) >= 20 ? true : undefined),
      { what: 'delivery to be under way', everyMs: 5 },
    );
    await system.redis.flushAll();
    // Declared while Redis is down: recorded all the same, delivered once it is back.
    await system.redis.kill();
    // Readiness reports Redis down but does not depend on it: the agency still serves reads.
    const consumer = system.running('usps');
    const readiness = new URL('/health/ready', await consumer.ready).href;
    const whileDown = await eventually(
      async () => {
        const response = await fetch(readiness);
        const body = (await response.json()) as { checks: { redis: string } };
        return body.checks.redis === 'down' ? response.status : undefined;
      },
      { what: 'readiness to report Redis down' },
    );
    expect(whileDown).toBe(200);
    const duringOutage = await system.reportMoves(50);
    await system.redis.start();
    await expectEachAppliedExactlyOnce([...declarations, ...duringOutage]);
  }, 120_000);

  it('dead-letters a poison notification while the rest flow, and an operator replays what was fixed', async () => {
    const client = new Redis(system.redis.url);
    client.on('error', () => {}); // a failure shows in the assertions, not as an unhandled event
    try {
      // Poison: an entry no agency can read, put on the stream by something other than the relay.
      await client.xadd(
        streamKeys(PREFIX).notifications('USPS'),
        '*',
        'id',
        'ntf_poison',
        'kind',
        'MOVE',
        'payload',
        'not json',
      );
      const healthy = await system.reportMoves(50);
      await expectEachAppliedExactlyOnce(healthy);
      const poisoned = await eventually(
        async () => {
          const letters = await listDeadLetters(client, PREFIX, 'USPS');
          return letters.some((l) => l.notificationId === 'ntf_poison') ? letters : undefined;
        },
        { what: 'the poison in the dead-letter stream' },
      );
      expect(poisoned.find((l) => l.notificationId === 'ntf_poison')?.deliveries).toBe(3);

      // The Postal Service's store breaks: these cannot be applied, are retried, then dead-lettered,
      // and the resident sees FAILED with a reason instead of waiting forever.
      await sql`alter table change_of_address rename to change_of_address_broken`.execute(
        system.consumer.db,
      );
      const stuck = await system.reportMoves(3);
      const failed = await eventually(
        async () => {
          const rows = await outcomes(stuck);
          return rows.every((r) => r.status === 'FAILED') ? rows : undefined;
        },
        { what: 'the stuck notifications to be reported FAILED' },
      );
      expect(failed[0]?.reason).toMatch(/could not process this after 3 tries/);

      // Fixed; the operator lists and replays the dead letters with the npm script.
      await sql`alter table change_of_address_broken rename to change_of_address`.execute(
        system.consumer.db,
      );
      const script = system.deadLetters;
      const listed = script(['list', '--agency', 'USPS']);
      expect(listed.status).toBe(0);
      expect(listed.stdout).toContain('USPS: 4 dead-lettered');
      const replayed = script(['replay', '--agency', 'USPS']);
      expect(replayed.stdout).toContain('USPS: replayed 4');
      await expectEachAppliedExactlyOnce([...healthy, ...stuck]);
      // The poison is still poison: back in the dead-letter stream, alone.
      const after = await eventually(
        async () => {
          const letters = await listDeadLetters(client, PREFIX, 'USPS');
          return letters.length === 1 ? letters : undefined;
        },
        { what: 'the poison to be dead-lettered again' },
      );
      expect(after[0]?.notificationId).toBe('ntf_poison');
    } finally {
      client.disconnect();
    }
  }, 120_000);
});
