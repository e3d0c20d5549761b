import { Agency } from '@resident-graph/federation';
import { listDeadLetters } from '@resident-graph/notifications';
import { type ResidentFacts } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import { openAgencyDatabase, sql, type AgencyDatabase } from '@resident-graph/store';
import { identitySubgraph, type IdentityDatabase } from '@resident-graph/subgraph-identity';
import {
  lifeEventsSubgraph,
  recordMoveDeclaration,
  type LifeEventsDatabase,
} from '@resident-graph/subgraph-life-events';
import { createTestGatewayKey, eventually, TEST_TODAY } from '@resident-graph/testing';
import { startRedisServer, type TestRedisServer } from '@resident-graph/testing/redis';
import { Redis } from 'ioredis';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startService,
  stopServices,
  waitForReady,
  type ServiceProcess,
} from '../../scripts/lib/processes.js';

// The disclosure records of tell us once (ADR 0017) under faults, with real processes: life-events
// (outbox relay) and identity (its consumer, signing with its records key) each from its own
// main.ts against a redis-server this test owns. Declarations are recorded straight into the
// life-events store, each telling the Postal Service (whose stream nobody reads here); what is
// checked is identity's log: one record per agency told, never two, and `npm run audit:verify`
// finding the chain intact in identity's SQLite file.
const root = new URL('../..', import.meta.url).pathname;
const PREFIX = 'rg-test:disclosure-faults';

describe('tell us once: disclosures recorded once through killed consumers, a lost Redis and a broken log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-tuo-disclosures-'));
  const files = {
    lifeEvents: join(dir, 'life-events.sqlite'),
    identity: join(dir, 'identity.sqlite'),
  };
  const residents: ResidentFacts[] = [...generateResidents(1_000, TEST_TODAY)];
  let redis: TestRedisServer;
  let lifeEvents: AgencyDatabase<LifeEventsDatabase>;
  let identity: AgencyDatabase<IdentityDatabase>;
  let env: NodeJS.ProcessEnv;
  const services: ServiceProcess[] = [];
  let nextResident = 0;

  async function startSubgraph(name: 'life-events' | 'identity'): Promise<ServiceProcess> {
    const service = startService(
      name,
      join(root, `subgraphs/${name}/src/main.ts`),
      { ...env, DATABASE_FILE: name === 'identity' ? files.identity : files.lifeEvents },
      0,
      12,
    );
    services.push(service);
    await waitForReady(service);
    return service;
  }

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
        lifeEvents.db,
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

  const notices = (declarationIds: readonly string[]) =>
    lifeEvents.db
      .selectFrom('declaration_accounting')
      .select(['id', 'status', 'reason'])
      .where('declaration_id', 'in', [...declarationIds])
      .execute();

  async function recordedAtIdentity(declarationIds: readonly string[]) {
    const rows = await identity.db
      .selectFrom('disclosure')
      .select(['case_reference', 'request_id'])
      .where('case_reference', 'in', [...declarationIds])
      .execute();
    return rows;
  }

  function auditVerify() {
    return spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit-verify.ts', '--data-dir', dir],
      { cwd: root, env, encoding: 'utf8' },
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
    const identitySeed = await openAgencyDatabase<IdentityDatabase>(
      files.identity,
      identitySubgraph.migrations,
    );
    await identitySubgraph.seed(identitySeed.db, residents);
    await identitySeed.close();
    lifeEvents = await openAgencyDatabase<LifeEventsDatabase>(
      files.lifeEvents,
      lifeEventsSubgraph.migrations,
    );
    identity = await openAgencyDatabase<IdentityDatabase>(
      files.identity,
      identitySubgraph.migrations,
    );
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
    await startSubgraph('identity');
  }, 120_000);

  afterAll(async () => {
    await stopServices(services);
    await lifeEvents?.close();
    await identity?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records every agency told exactly once when identity is killed mid-batch and restarted', async () => {
    const declarations = await reportMoves(400);
    const consumer = running('identity');
    await eventually(
      async () => ((await recordedAtIdentity(declarations)).length >= 20 ? true : undefined),
      { what: 'identity to be under way', everyMs: 5 },
    );
    consumer.child.kill('SIGKILL');
    await consumer.exited;
    // The kill came mid-batch (otherwise this test proves nothing).
    expect((await recordedAtIdentity(declarations)).length).toBeLessThan(400);
    await startSubgraph('identity');
    await expectEachRecordedOnce(declarations);
  }, 120_000);

  it('loses nothing and records nothing twice when Redis is flushed, then restarted, mid-stream', async () => {
    const declarations = await reportMoves(300);
    await eventually(
      async () => ((await recordedAtIdentity(declarations)).length >= 20 ? true : undefined),
      { what: 'recording to be under way', everyMs: 5 },
    );
    await redis.flushAll();
    await redis.kill();
    // Declared while Redis is down: recorded all the same, delivered once it is back.
    const duringOutage = await reportMoves(50);
    await redis.start();
    await expectEachRecordedOnce([...declarations, ...duringOutage]);
  }, 120_000);

  it('dead-letters notices identity cannot record, and a replay records them once', async () => {
    // The log's chain head is gone: nothing can be appended, so nothing is (and nothing half-way).
    await sql`alter table disclosure_chain_head rename to disclosure_chain_head_broken`.execute(
      identity.db,
    );
    const stuck = await reportMoves(3);
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
      lifeEvents.db,
    );
    expect(Number(messages[0]?.n)).toBe(0);

    await sql`alter table disclosure_chain_head_broken rename to disclosure_chain_head`.execute(
      identity.db,
    );
    const script = (command: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dead-letters.ts', ...command], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
    expect(script(['list', '--agency', 'IDENTITY']).stdout).toContain('IDENTITY: 3 dead-lettered');
    expect(script(['replay', '--agency', 'IDENTITY']).stdout).toContain('IDENTITY: replayed 3');
    await expectEachRecordedOnce(stuck);
    const client = new Redis(redis.url);
    client.on('error', () => {});
    try {
      expect(await listDeadLetters(client, PREFIX, 'IDENTITY')).toEqual([]);
    } finally {
      client.disconnect();
    }
  }, 120_000);
});
