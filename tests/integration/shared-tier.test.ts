import {
  createInProcessTier,
  createRedisTier,
  tierKeys,
  type SharedTier,
} from '@resident-graph/gateway';
import {
  startRedisCluster,
  startRedisServer,
  type TestRedisCluster,
  type TestRedisServer,
} from '@resident-graph/testing/redis';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The machine's Redis, shared with other engineers' tests: this file uses its own key prefix. */
const MACHINE_REDIS = 'redis://127.0.0.1:6379';
const prefix = `rg-test-${randomUUID()}`;

/** Deletes every key matching `pattern` (redis-cli, so the test needs no Redis client of its own). */
async function deleteKeys(url: string, pattern: string) {
  const script =
    "local keys = redis.call('KEYS', ARGV[1]) for _, key in ipairs(keys) do redis.call('DEL', key) end return #keys";
  await promisify(execFile)('redis-cli', ['-u', url, 'EVAL', script, '0', pattern]);
}

let cluster: TestRedisCluster;
beforeAll(async () => {
  cluster = await startRedisCluster(3);
});
afterAll(async () => {
  await cluster?.stop();
  // Leave nothing behind on the shared Redis.
  await deleteKeys(MACHINE_REDIS, `${prefix}:*`);
});

const implementations: [string, () => SharedTier][] = [
  ['in-process', () => createInProcessTier()],
  ['redis', () => createRedisTier({ target: { url: MACHINE_REDIS } })],
  ['redis-cluster', () => createRedisTier({ target: { clusterNodes: cluster.nodes } })],
];

async function untilUp(tier: SharedTier) {
  for (let attempt = 0; tier.status().state !== 'up'; attempt++) {
    if (attempt > 200) throw new Error(`tier never came up: ${tier.status().state}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(implementations)('the %s shared tier', (kind, create) => {
  let tier: SharedTier;
  const keys = tierKeys(prefix, 'gateway', () => 'a'.repeat(64));
  beforeAll(async () => {
    tier = create();
    await untilUp(tier);
  });
  afterAll(() => tier.close());

  it('says what it is and that it answers', () => {
    expect(tier.status()).toEqual({ kind, state: 'up' });
  });

  it('stores, reads, expires and deletes values', async () => {
    const key = keys.versioned(`value:${randomUUID()}`);
    expect(await tier.get(key)).toBeUndefined();
    await tier.set(key, 'hello', 60_000);
    expect(await tier.get(key)).toBe('hello');
    await tier.delete(key);
    expect(await tier.get(key)).toBeUndefined();
    const short = keys.versioned(`short:${randomUUID()}`);
    await tier.set(short, 'soon gone', 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await tier.get(short)).toBeUndefined();
  });

  it('counts generations from zero', async () => {
    const key = keys.plain(`{r:${randomUUID()}}:generation`);
    expect(await tier.counter(key)).toBe(0);
    expect(await tier.increment(key)).toBe(true);
    expect(await tier.increment(key)).toBe(true);
    expect(await tier.counter(key)).toBe(2);
  });

  it('lets `limit` requests through a window, then says how long to wait', async () => {
    const key = keys.plain(`rl:{client:${randomUUID()}}`);
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await tier.hit(key, 3, 60_000));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false]);
    expect(verdicts[3]?.retryAfterMs).toBeGreaterThan(0);
    expect(verdicts[3]?.retryAfterMs).toBeLessThanOrEqual(120_000);
    // Another subject has its own window.
    expect((await tier.hit(keys.plain(`rl:{client:${randomUUID()}}`), 3, 60_000)).allowed).toBe(
      true,
    );
  });

  it('counts concurrent hits exactly once each (no lost updates)', async () => {
    const key = keys.plain(`rl:{resident:${randomUUID()}}`);
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => tier.hit(key, 25, 60_000)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(25);
  });

  it('keeps versioned keys of different supergraphs apart', async () => {
    let version = 'b'.repeat(64);
    const moving = tierKeys(prefix, 'gateway', () => version);
    await tier.set(moving.versioned('answer'), 'old schema', 60_000);
    version = 'c'.repeat(64);
    expect(await tier.get(moving.versioned('answer'))).toBeUndefined();
    expect(moving.versioned('answer')).toBe(`${prefix}:gateway:v${'c'.repeat(16)}:answer`);
  });
});

describe('a Redis that stops and comes back', () => {
  let server: TestRedisServer;
  let tier: SharedTier;
  const failures: string[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
    tier = createRedisTier({
      target: { url: server.url },
      onError: (operation) => failures.push(operation),
    });
    await untilUp(tier);
  });
  afterAll(async () => {
    await tier?.close();
    await server?.stop();
  });

  it('answers as a miss while Redis is away, and uses Redis again when it returns', async () => {
    await tier.set(`${prefix}:k`, 'v', 60_000);
    expect(await tier.get(`${prefix}:k`)).toBe('v');

    await server.kill();
    // Every operation answers (fail open), and each failure is reported.
    expect(await tier.get(`${prefix}:k`)).toBeUndefined();
    await tier.set(`${prefix}:k`, 'lost', 60_000);
    expect(await tier.counter(`${prefix}:c`)).toBeNull();
    expect(await tier.increment(`${prefix}:c`)).toBe(false);
    expect(await tier.hit(`${prefix}:rl:{x}`, 1, 60_000)).toEqual({
      allowed: true,
      retryAfterMs: 0,
    });
    expect(failures).toEqual(expect.arrayContaining(['get', 'set', 'counter', 'increment', 'hit']));
    expect(tier.status().state).not.toBe('up');

    await server.start();
    await untilUp(tier);
    await tier.set(`${prefix}:k`, 'again', 60_000);
    expect(await tier.get(`${prefix}:k`)).toBe('again');
    // The rate-limit script is loaded again into the restarted (empty) Redis, and counts there.
    failures.length = 0;
    expect((await tier.hit(`${prefix}:rl:{y}`, 1, 60_000)).allowed).toBe(true);
    expect((await tier.hit(`${prefix}:rl:{y}`, 1, 60_000)).allowed).toBe(false);
    expect(failures).toEqual([]);
  });
});

describe('a Redis that stops answering (paused, connections open)', () => {
  let server: TestRedisServer;
  let tier: SharedTier;
  const failures: Error[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
    tier = createRedisTier({
      target: { url: server.url },
      commandTimeoutMs: 100,
      suspendAfterTimeoutMs: 300,
      onError: (_operation, error) => failures.push(error),
    });
    await untilUp(tier);
  });
  afterAll(async () => {
    server?.resume();
    await tier?.close();
    await server?.stop();
  });

  it('gives up after the command timeout, then stops asking for a while, then asks again', async () => {
    await tier.set(`${prefix}:p`, 'v', 60_000);
    server.pause();
    expect(await tier.get(`${prefix}:p`)).toBeUndefined();
    expect(failures.map((e) => e.message)).toEqual(['Command timed out']);
    // Suspended: answered without sending anything to the stuck Redis.
    expect(await tier.get(`${prefix}:p`)).toBeUndefined();
    expect(failures[1]?.name).toBe('TierSuspendedError');
    expect(tier.status().state).toBe('unavailable: no answer within 100 ms');

    server.resume();
    for (let attempt = 0; (await tier.get(`${prefix}:p`)) !== 'v'; attempt++) {
      if (attempt > 200) throw new Error('the tier never used Redis again');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(tier.status().state).toBe('up');
  });
});
