import { createRedisTier } from '@resident-graph/gateway';
import { personaResidentId } from '@resident-graph/personas';
import {
  startRedisCluster,
  untilKeyExists,
  type TestRedisCluster,
} from '@resident-graph/testing/redis';
import type { TestSystem } from '@resident-graph/testing/system';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQuery, startSystem } from './system.js';

// Gateway replicas sharing one Redis (the machine's, under a key prefix of this file's own) and a
// Redis Cluster this file starts: persisted queries, the response cache and rate limits are seen
// by every replica; no cached answer ever reaches another caller.

const MACHINE_REDIS = 'redis://127.0.0.1:6379';
const prefix = `rg-test-${randomUUID()}`;
const turning65 = exampleQuery('turning-65.graphql');
type Me = { me: { givenName: string } | null };

let cluster: TestRedisCluster;
beforeAll(async () => {
  cluster = await startRedisCluster(3);
});
afterAll(async () => {
  await cluster?.stop();
  const script =
    "local keys = redis.call('KEYS', ARGV[1]) for _, key in ipairs(keys) do redis.call('DEL', key) end return #keys";
  await promisify(execFile)('redis-cli', ['-u', MACHINE_REDIS, 'EVAL', script, '0', `${prefix}:*`]);
});

const targets = [
  ['one Redis', () => ({ url: MACHINE_REDIS })],
  ['a Redis Cluster of three', () => ({ clusterNodes: cluster.nodes })],
] as const;

/** Every server to look at for a key: the one Redis, or each Cluster node. */
const serversOf = (target: { url: string } | { clusterNodes: readonly string[] }) =>
  'url' in target ? [target.url] : target.clusterNodes.map((node) => `redis://${node}`);

/** A counter summed over every replica. */
async function metric(system: TestSystem, pattern: RegExp): Promise<number> {
  let sum = 0;
  for (const url of system.replicaUrls) {
    const text = await (await fetch(new URL('/metrics', url))).text();
    sum += Number(pattern.exec(text)?.[1] ?? 0);
  }
  return sum;
}

/** Redis readiness of one replica. */
async function redisReadiness(url: string): Promise<unknown> {
  const body = (await (await fetch(new URL('/health/ready', url))).json()) as {
    checks: { redis: unknown };
  };
  return body.checks.redis;
}

/** The gateway starts without waiting for Redis (Redis is not needed to answer); tests do wait. */
async function untilRedisUp(system: TestSystem) {
  for (const url of system.replicaUrls) {
    for (let attempt = 0; ; attempt++) {
      const redis = (await redisReadiness(url)) as { state?: string };
      if (redis.state === 'up') break;
      if (attempt > 200) throw new Error(`Redis never came up: ${JSON.stringify(redis)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

const HITS = /cache_lookups_total\{cache="response",result="hit"[^}]*\} (\d+)/;

describe.each(targets)('two gateway replicas sharing %s', (_name, target) => {
  let system: TestSystem;
  const keyPrefix = `${prefix}:${randomUUID()}`;
  beforeAll(async () => {
    system = await startSystem({
      replicas: 2,
      gateway: {
        sharedTier: (onError) => createRedisTier({ target: target(), onError }),
        sharedTierKeyPrefix: keyPrefix,
        // The agencies send no Cache-Control yet: as an operator would, assume 60 s, private.
        responseCache: { subgraphHints: { '*': { maxAge: 60, scope: 'PRIVATE' } } },
      },
    });
    await untilRedisUp(system);
  });
  afterAll(() => system?.stop());

  it('says in readiness that Redis answers', async () => {
    expect(await redisReadiness(system.url)).toEqual({
      kind: 'url' in target() ? 'redis' : 'redis-cluster',
      state: 'up',
    });
  });

  it('knows an automatic persisted query registered through the other replica', async () => {
    const query = `{ lifeEvents { kind title } } # ${randomUUID()}`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const hashOnly = (replica: number) =>
      fetch(system.replicaUrls[replica] ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ extensions }),
      }).then((r) => r.json() as Promise<{ data?: unknown; errors?: { extensions: unknown }[] }>);

    expect((await hashOnly(1)).errors?.[0]?.extensions).toMatchObject({
      code: 'PERSISTED_QUERY_NOT_FOUND',
    });
    const registered = await system.query(query, { replica: 0, body: { extensions } });
    expect(registered.errors).toBeUndefined();
    const fromOther = await hashOnly(1);
    expect(fromOther.errors).toBeUndefined();
    expect(fromOther.data).toEqual(registered.data);
  });

  it('serves a resident the answer another replica cached for them, without asking the agencies', async () => {
    const token = await system.token(personaResidentId('grace'));
    const first = await system.query<Me>(turning65, { token, replica: 0 });
    expect(first.errors).toBeUndefined();
    // Apollo's response cache writes after the answer has gone: wait until it has.
    await untilKeyExists(serversOf(target()), `${keyPrefix}:gateway:v*:rc:*`);
    system.clearSubgraphRequests();
    const second = await system.query<Me>(turning65, { token, replica: 1 });
    expect(second.data).toEqual(first.data);
    expect(second.headers.get('age')).not.toBeNull();
    expect(system.subgraphRequests('identity')).toHaveLength(0);
  });

  it('never shows one resident’s cached answer to another: two residents, same query, interleaved under load', async () => {
    const residents = [
      { id: personaResidentId('ava'), name: 'Ava' },
      { id: personaResidentId('walter'), name: 'Walter' },
    ];
    const tokens = await Promise.all(residents.map((r) => system.token(r.id)));
    const hitsBefore = await metric(system, HITS);
    // Waves of concurrent requests, alternating residents and replicas: the first wave fills the
    // cache while it is being read, the later ones are answered from it.
    for (let wave = 0; wave < 3; wave++) {
      const answers = await Promise.all(
        Array.from({ length: 16 }, async (_, i) => {
          const who = i % 2;
          const result = await system.query<Me>(turning65, {
            token: tokens[who] ?? '',
            replica: Math.floor(i / 2) % 2,
          });
          return { who, result };
        }),
      );
      for (const { who, result } of answers) {
        expect(result.status).toBe(200);
        expect(result.errors).toBeUndefined();
        expect(result.data?.me?.givenName).toBe(residents[who]?.name);
      }
    }
    // The cache was really in play (else this test would prove nothing).
    expect((await metric(system, HITS)) - hitsBefore).toBeGreaterThanOrEqual(16);
  });

  it('never caches for a third-party application: each release goes to the agencies', async () => {
    // Under the resident's consent (docs/privacy.md): each release is admitted and recorded anew.
    const granted = await system.query(
      `mutation { grantConsent(input: { clientId: "benefits-navigator-demo", scopes: ["identity:read"],
          purpose: BENEFITS_SCREENING, expiresOn: "2026-12-31", maxFetches: 100 }) { id } }`,
      { token: await system.token(personaResidentId('ava')) },
    );
    expect(granted.errors).toBeUndefined();
    const token = await system.token(personaResidentId('ava'), {
      clientId: 'benefits-navigator-demo',
      scopes: ['identity:read', 'journey:read', 'ssa:read', 'cms:read'],
    });
    const query = '{ me { givenName } }';
    system.clearSubgraphRequests();
    for (let i = 0; i < 3; i++) {
      const result = await system.query<Me>(query, { token, replica: i % 2 });
      expect(result.data?.me?.givenName).toBe('Ava');
      expect(result.headers.get('age')).toBeNull();
    }
    const reads = system
      .subgraphRequests('identity')
      .filter((r) => !/admitRelease|recordDisclosures/.test(r.query ?? ''));
    expect(reads).toHaveLength(3);
  });
});

describe('rate limits shared by two replicas', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      replicas: 2,
      gateway: {
        sharedTier: (onError) => createRedisTier({ target: { url: MACHINE_REDIS }, onError }),
        sharedTierKeyPrefix: `${prefix}:${randomUUID()}`,
        rateLimits: { windowMs: 60_000, perResident: 3, perClient: 5 },
      },
    });
    await untilRedisUp(system);
  });
  afterAll(() => system?.stop());

  const query = '{ me { givenName } }';

  it('answers 429 with Retry-After once a resident is over their limit, counted across replicas', async () => {
    const token = await system.token(personaResidentId('rosa'));
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await system.query(query, { token, replica: i % 2 })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await system.query(query, { token, replica: 1 });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'resident',
      retryAfterSeconds: retryAfter,
    });
    expect(refused.data).toBeUndefined();
    // Another resident of the same application is not held back by Rosa.
    const other = await system.query(query, {
      token: await system.token(personaResidentId('nora')),
    });
    expect(other.status).toBe(200);
    expect(
      await metric(system, /rate_limited_total\{limit="resident"[^}]*\} (\d+)/),
    ).toBeGreaterThanOrEqual(1);
  });

  it('limits a client application over all its residents', async () => {
    const asClient = (handle: 'marcus' | 'dana') =>
      system.token(personaResidentId(handle), {
        clientId: 'taxhelper-demo',
        scopes: ['identity:read', 'irs:read'],
      });
    const [marcus, dana] = await Promise.all([asClient('marcus'), asClient('dana')]);
    const statuses = [];
    for (const token of [marcus, dana, marcus, dana, marcus])
      statuses.push((await system.query(query, { token, replica: statuses.length % 2 })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await system.query(query, { token: dana, replica: 0 });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'client',
    });
  });
});
