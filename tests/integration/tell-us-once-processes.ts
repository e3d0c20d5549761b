import { Agency, type SubgraphDefinition } from '@resident-graph/federation';
import { type ResidentFacts } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import { openAgencyDatabase, type AgencyDatabase } from '@resident-graph/store';
import {
  lifeEventsSubgraph,
  recordMoveDeclaration,
  type LifeEventsDatabase,
} from '@resident-graph/subgraph-life-events';
import { createTestGatewayKey, TEST_TODAY } from '@resident-graph/testing';
import { startRedisServer, type TestRedisServer } from '@resident-graph/testing/redis';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startService,
  stopServices,
  waitForReady,
  type ServiceProcess,
} from '../../scripts/lib/processes.js';

// Tell us once with real processes, for the fault tests: life-events (outbox relay) and one
// consuming agency each run from their own main.ts, as in production, against a redis-server the
// test owns, so it can flush, kill and restart it, and kill and restart either process. Both stores
// are seeded as `npm start` seeds them and stay open to the test, which records declarations
// straight into the life-events store (the mutation itself is covered in tell-us-once.test.ts).

export const repositoryRoot = new URL('../..', import.meta.url).pathname;

/** Each stays a small number, so a fault test sees retries and dead letters within seconds. */
const notificationSettings = {
  NOTIFICATION_MAX_ATTEMPTS: '3',
  NOTIFICATION_RETRY_BASE_MS: '100',
  NOTIFICATION_REDELIVER_AFTER_MS: '3000',
};

export interface TellUsOnceProcesses<ConsumerDatabase> {
  readonly redis: TestRedisServer;
  /** Every variable the processes were started with (the npm scripts get the same). */
  readonly env: NodeJS.ProcessEnv;
  /** The data directory of both processes (their SQLite files, the gateway's JWKS). */
  readonly dir: string;
  readonly lifeEvents: AgencyDatabase<LifeEventsDatabase>;
  readonly consumer: AgencyDatabase<ConsumerDatabase>;
  /** Starts (or starts again) `life-events` or the consumer, resolving once it is ready. */
  startSubgraph(name: string): Promise<ServiceProcess>;
  /** The live process of `name` (a killed one has a signal code, not an exit code). */
  running(name: string): ServiceProcess;
  /** Residents no earlier call used, each reporting a move to the Postal Service. */
  reportMoves(count: number): Promise<string[]>;
  /** `npm run dead-letters -- <command>`, against this Redis (a function: callers alias it). */
  readonly deadLetters: (command: readonly string[]) => SpawnSyncReturns<string>;
  /** Stops both processes and Redis, closes the stores and removes the directory. */
  stop(): Promise<void>;
}

export interface TellUsOnceOptions<ConsumerDatabase> {
  /** The agency whose process consumes life-events' notifications (its `name` is its folder). */
  consumer: Pick<SubgraphDefinition<ConsumerDatabase, object>, 'name' | 'migrations' | 'seed'>;
  /** `REDIS_KEY_PREFIX`, so a test can read the streams itself. */
  keyPrefix: string;
  /** Prefix of the temporary directory's name. */
  dirPrefix: string;
}

/** Seeds both stores, starts Redis, then life-events and the consumer, each ready. */
export async function startTellUsOnceProcesses<ConsumerDatabase>(
  options: TellUsOnceOptions<ConsumerDatabase>,
): Promise<TellUsOnceProcesses<ConsumerDatabase>> {
  const { consumer: definition } = options;
  const dir = mkdtempSync(join(tmpdir(), options.dirPrefix));
  const files: Record<string, string> = {
    [lifeEventsSubgraph.name]: join(dir, 'life-events.sqlite'),
    [definition.name]: join(dir, `${definition.name}.sqlite`),
  };
  const residents: ResidentFacts[] = [...generateResidents(1_000, TEST_TODAY)];
  const services: ServiceProcess[] = [];
  let redis: TestRedisServer | undefined;
  let lifeEvents: AgencyDatabase<LifeEventsDatabase> | undefined;
  let consumer: AgencyDatabase<ConsumerDatabase> | undefined;
  let nextResident = 0;

  // Tolerates a partial start, so a failed start-up leaves no process or directory behind.
  async function stop() {
    await stopServices(services);
    await lifeEvents?.close();
    await consumer?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  try {
    redis = await startRedisServer();
    const key = await createTestGatewayKey();
    const jwksFile = join(dir, 'gateway-caller.jwks.json');
    writeFileSync(jwksFile, JSON.stringify(key.jwks));
    // Seeded as `npm start` seeds them, before the processes open them; the test keeps them open.
    lifeEvents = await openAgencyDatabase<LifeEventsDatabase>(
      files[lifeEventsSubgraph.name]!,
      lifeEventsSubgraph.migrations,
    );
    await lifeEventsSubgraph.seed(lifeEvents.db, residents);
    consumer = await openAgencyDatabase<ConsumerDatabase>(
      files[definition.name]!,
      definition.migrations,
    );
    await definition.seed(consumer.db, residents);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      APOLLO_TELEMETRY_DISABLED: 'true',
      PORT: '0',
      DATA_DIR: dir,
      GATEWAY_JWKS_FILE: jwksFile,
      RG_TODAY: TEST_TODAY,
      LOG_LEVEL: 'error',
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: options.keyPrefix,
      ...notificationSettings,
    };

    const startSubgraph = async (name: string): Promise<ServiceProcess> => {
      const file = files[name];
      if (!file) throw new Error(`${name} is not one of this test's processes`);
      const service = startService(
        name,
        join(repositoryRoot, `subgraphs/${name}/src/main.ts`),
        { ...env, DATABASE_FILE: file },
        0,
        12,
      );
      services.push(service);
      await waitForReady(service);
      return service;
    };

    await startSubgraph(lifeEventsSubgraph.name);
    await startSubgraph(definition.name);

    const stores = { lifeEvents, consumer };
    return {
      redis,
      env,
      dir,
      ...stores,
      startSubgraph,
      running: (name) =>
        services.find(
          (s) => s.name === name && s.child.exitCode === null && s.child.signalCode === null,
        )!,
      async reportMoves(count) {
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
      },
      deadLetters: (command) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dead-letters.ts', ...command], {
          cwd: repositoryRoot,
          env,
          encoding: 'utf8',
        }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
