import { createRedisTier } from '@resident-graph/gateway';
import { personaResidentId } from '@resident-graph/personas';
import {
  startRedisServer,
  untilKeyExists,
  type TestRedisServer,
} from '@resident-graph/testing/redis';
import type { TestSystem } from '@resident-graph/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQuery, startSystem } from './system.js';

// Redis failing is not an outage: a redis-server this test owns is killed while residents keep
// asking, and every request still gets its full answer (from the agencies, without the cache);
// when Redis returns, the gateway uses it again.

const turning65 = exampleQuery('turning-65.graphql');
type Me = { me: { givenName: string } | null };

let redis: TestRedisServer;
let system: TestSystem;
beforeAll(async () => {
  redis = await startRedisServer();
  system = await startSystem({
    gateway: {
      sharedTier: (onError) => createRedisTier({ target: { url: redis.url }, onError }),
      responseCache: { subgraphHints: { '*': { maxAge: 60, scope: 'PRIVATE' } } },
      rateLimits: { windowMs: 60_000, perResident: 10_000, perClient: null },
    },
  });
});
afterAll(async () => {
  await system?.stop();
  await redis?.stop();
});

async function redisState(): Promise<{ status: number; state: string }> {
  const response = await fetch(`${system.gatewayOrigin}/health/ready`);
  const body = (await response.json()) as { checks: { redis: { state: string } } };
  return { status: response.status, state: body.checks.redis.state };
}

async function until(predicate: () => Promise<boolean>, what: string) {
  for (let attempt = 0; !(await predicate()); attempt++) {
    if (attempt > 400) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('Redis stopped mid-load', () => {
  it('keeps answering every request in full, and uses Redis again when it returns', async () => {
    await until(async () => (await redisState()).state === 'up', 'Redis up at start');
    const residents = [
      { token: await system.token(personaResidentId('ava')), name: 'Ava' },
      { token: await system.token(personaResidentId('walter')), name: 'Walter' },
    ];
    const results: { name: string; status: number; errors: unknown; givenName?: string }[] = [];
    let loading = true;
    // Four clients asking one after another until told to stop.
    const clients = Array.from({ length: 4 }, async (_, client) => {
      for (let i = client; loading; i++) {
        const resident = residents[i % 2];
        if (!resident) continue;
        const result = await system.query<Me>(turning65, { token: resident.token });
        results.push({
          name: resident.name,
          status: result.status,
          errors: result.errors,
          ...(result.data?.me ? { givenName: result.data.me.givenName } : {}),
        });
      }
    });
    const answered = (more: number) => {
      const target = results.length + more;
      return until(async () => results.length >= target, `${more} more answers`);
    };

    await answered(12);
    await redis.kill();
    await answered(12);
    // Readiness tells operators, but the gateway stays ready: it answers without Redis.
    const during = await redisState();
    expect(during.status).toBe(200);
    expect(during.state).toMatch(/^unavailable/);

    await redis.start();
    await until(async () => (await redisState()).state === 'up', 'Redis up again');
    await answered(12);
    loading = false;
    await Promise.all(clients);

    expect(results.length).toBeGreaterThanOrEqual(36);
    for (const result of results) {
      expect(result).toEqual({
        name: result.name,
        status: 200,
        errors: undefined,
        givenName: result.name,
      });
    }
    const metrics = await (await fetch(`${system.gatewayOrigin}/metrics`)).text();
    expect(metrics).toMatch(/shared_tier_errors_total\{operation="[a-z]+"[^}]*\} [1-9]/);

    // Redis is back (and empty): an answer is cached again and served from it.
    const token = residents[0]?.token ?? '';
    await system.query(turning65, { token });
    // Apollo's response cache writes after the answer has gone: wait until it has.
    await untilKeyExists([redis.url], 'resident-graph:gateway:v*:rc:*');
    const cached = await system.query<Me>(turning65, { token });
    expect(cached.headers.get('age')).not.toBeNull();
    expect(cached.data?.me?.givenName).toBe('Ava');
  });
});
