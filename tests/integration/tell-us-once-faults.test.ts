import { Agency } from '@resident-graph/federation';
import { listDeadLetters, streamKeys } from '@resident-graph/notifications';
import { type ResidentFacts } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import { openAgencyDatabase, sql, type AgencyDatabase } from '@resident-graph/store';
import {
  lifeEventsSubgraph,
  recordMoveDeclaration,
  type LifeEventsDatabase,
} from '@resident-graph/subgraph-life-events';
import { uspsSubgraph, type UspsDatabase } from '@resident-graph/subgraph-usps';
import { createTestGatewayKey, eventually, TEST_TODAY } from '@resident-graph/testing';
import { startRedisServer, type TestRedisServer } from '@resident-graph/testing/redis';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startService,
  stopServices,
  waitForReady,
  type ServiceProcess,
} from '../../scripts/lib/processes.js';

// Tell us once under faults, with real processes: life-events (outbox relay) and the Postal Service
// (consumer) each run from their own main.ts, as in production, against a redis-server this test
// owns, so it can flush, kill and restart it. The test records declarations straight into the
// life-events store (the mutation itself is covered in tell-us-once.test.ts) and reads both stores.
const root = new URL('../..', import.meta.url).pathname;
const PREFIX = 'rg-test:faults';

interface Stores {
  lifeEvents: AgencyDatabase<LifeEventsDatabase>;
  usps: AgencyDatabase<UspsDatabase>;
}

describe('tell us once: delivery survives killed consumers, a flushed or restarted Redis, and poison', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-tell-us-once-'));
  const files = { lifeEvents: join(dir, 'life-events.sqlite'), usps: join(dir, 'usps.sqlite') };
  const residents: ResidentFacts[] = [...generateResidents(1_000, TEST_TODAY)];
  let redis: TestRedisServer;
  let stores: Stores;
  let env: NodeJS.ProcessEnv;
  const services: ServiceProcess[] = [];
  let nextResident = 0;

  async function startSubgraph(name: 'life-events' | 'usps'): Promise<ServiceProcess> {
    const service = startService(
      name,
      join(root, `subgraphs/${name}/src/main.ts`),
      {
        ...env,
        DATABASE_FILE: name === 'usps' ? files.usps : files.lifeEvents,
      },
      0,
      12,
    );
    services.push(service);
    await waitForReady(service);
    return service;
  }

  /** The live process of `name` (a killed one has a signal code, not an exit code). */
  const running = (name: string) =>
    services.find(
      (s) => s.name === name && s.child.exitCode === null && s.child.signalCode === null,
    )!;

  /** Residents no earlier test used, each reporting a move to the Postal Service. */
  async function reportMoves(count: number): Promise<string[]> {
    const chosen = residents.slice(nextResident, nextResident + count);
    nextResident += count;
    const ids: string[] = [];
    for (const resident of chosen) {
      const declaration = await recordMoveDeclaration(
        stores.lifeEvents.db,
        resident.id,
        `move-${resident.id}`,
        {
          newAddress: {
            line1: '1 Test Way',
            line2: null,
            city: 'Phoenix',
            state: 'AZ',
            zip: '85004',
          },
          movedOn: '2026-07-01',
          agencies: [Agency.USPS],
        },
        TEST_TODAY,
      );
      ids.push(declaration.id);
    }
    return ids;
  }

  async function outcomes(declarationIds: readonly string[]) {
    return stores.lifeEvents.db
      .selectFrom('declaration_notification')
      .select(['id', 'status', 'reason'])
      .where('declaration_id', 'in', [...declarationIds])
      .execute();
  }

  async function appliedAtUsps(notificationIds: readonly string[]) {
    const rows = await stores.usps.db
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
    `.execute(stores.usps.db);
    expect(perResident).toEqual([]);
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    const key = await createTestGatewayKey();
    const jwksFile = join(dir, 'gateway-caller.jwks.json');
    writeFileSync(jwksFile, JSON.stringify(key.jwks));
    // Seeded as `npm start` seeds them, before the processes open them.
    const lifeEventsSeed = await openAgencyDatabase<LifeEventsDatabase>(
      files.lifeEvents,
      lifeEventsSubgraph.migrations,
    );
    await lifeEventsSubgraph.seed(lifeEventsSeed.db, residents);
    await lifeEventsSeed.close();
    const uspsSeed = await openAgencyDatabase<UspsDatabase>(files.usps, uspsSubgraph.migrations);
    await uspsSubgraph.seed(uspsSeed.db, residents);
    await uspsSeed.close();
    stores = {
      lifeEvents: await openAgencyDatabase<LifeEventsDatabase>(
        files.lifeEvents,
        lifeEventsSubgraph.migrations,
      ),
      usps: await openAgencyDatabase<UspsDatabase>(files.usps, uspsSubgraph.migrations),
    };
    env = {
      ...process.env,
      APOLLO_TELEMETRY_DISABLED: 'true',
      PORT: '0',
      DATA_DIR: dir,
      GATEWAY_JWKS_FILE: jwksFile,
      RG_TODAY: TEST_TODAY,
      LOG_LEVEL: 'error',
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: PREFIX,
      NOTIFICATION_MAX_ATTEMPTS: '3',
      NOTIFICATION_RETRY_BASE_MS: '100',
      NOTIFICATION_REDELIVER_AFTER_MS: '3000',
    };
    await startSubgraph('life-events');
    await startSubgraph('usps');
  }, 120_000);

  afterAll(async () => {
    await stopServices(services);
    await stores?.lifeEvents.close();
    await stores?.usps.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every notification exactly once when the consumer is killed mid-batch and restarted', async () => {
    const declarations = await reportMoves(400);
    const notificationIds = (await outcomes(declarations)).map((r) => r.id);
    const consumer = running('usps');
    await eventually(
      async () => ((await appliedAtUsps(notificationIds)) >= 20 ? true : undefined),
      { what: 'the consumer to be under way', everyMs: 5 },
    );
    consumer.child.kill('SIGKILL');
    await consumer.exited;
    const appliedWhenKilled = await appliedAtUsps(notificationIds);
    // The kill came mid-batch (otherwise this test proves nothing).
    expect(appliedWhenKilled).toBeLessThan(400);
    await startSubgraph('usps');
    await expectEachAppliedExactlyOnce(declarations);
  }, 120_000);

  it('loses nothing and applies nothing twice when Redis is flushed, then restarted, mid-stream', async () => {
    const declarations = await reportMoves(300);
    const notificationIds = (await outcomes(declarations)).map((r) => r.id);
    await eventually(
      async () => ((await appliedAtUsps(notificationIds)) >= 20 ? true : undefined),
      { what: 'delivery to be under way', everyMs: 5 },
    );
    await redis.flushAll();
    // Declared while Redis is down: recorded all the same, delivered once it is back.
    await redis.kill();
    // Readiness reports Redis down but does not depend on it: the agency still serves reads.
    const consumer = running('usps');
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
    const duringOutage = await reportMoves(50);
    await redis.start();
    await expectEachAppliedExactlyOnce([...declarations, ...duringOutage]);
  }, 120_000);

  it('dead-letters a poison notification while the rest flow, and an operator replays what was fixed', async () => {
    const client = new Redis(redis.url);
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
      const healthy = await reportMoves(50);
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
        stores.usps.db,
      );
      const stuck = await reportMoves(3);
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
        stores.usps.db,
      );
      const script = (command: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dead-letters.ts', ...command], {
          cwd: root,
          env,
          encoding: 'utf8',
        });
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
