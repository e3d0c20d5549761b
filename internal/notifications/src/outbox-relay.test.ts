import { createLogger } from '@resident-graph/logging';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startAgencyConsumer, type RunningWorker } from './agency-consumer.js';
import type { Notification, Outcome } from './notification.js';
import { startOutboxRelay, type Outbox } from './outbox-relay.js';
import { streamKeys } from './streams.js';

// The relay against the machine's Redis (127.0.0.1:6379), under a key prefix of this test's own,
// removed afterwards; the outbox is in memory, so only the relay's own behaviour is under test.
const REDIS_URL = 'redis://127.0.0.1:6379';
const logger = createLogger('outbox-relay-test', 'silent');

/** An outbox in memory: what the relay published when, and the first outcome of each. */
function memoryOutbox(notifications: readonly Notification[]) {
  const rows = new Map(
    notifications.map((n) => [
      n.id,
      { notification: n, publishedAt: null as string | null, outcome: null as Outcome | null },
    ]),
  );
  const outbox: Outbox = {
    async undelivered(publishedBefore, limit) {
      return [...rows.values()]
        .filter(
          (r) =>
            r.outcome === null &&
            (publishedBefore === null || r.publishedAt === null || r.publishedAt < publishedBefore),
        )
        .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''))
        .slice(0, limit)
        .map((r) => r.notification);
    },
    async markPublished(ids, at) {
      for (const id of ids) rows.get(id)!.publishedAt = at;
    },
    async recordOutcomes(outcomes) {
      for (const outcome of outcomes) {
        const row = rows.get(outcome.notificationId);
        if (row && row.outcome === null) row.outcome = outcome;
      }
    },
  };
  return { outbox, rows: [...rows.values()] };
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('outbox relay', () => {
  const prefix = `rg-test:outbox-relay:${randomBytes(4).toString('hex')}`;
  const keys = streamKeys(prefix);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const workers: RunningWorker[] = [];

  afterAll(() => redis.disconnect());
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (found.length > 0) await redis.del(...found);
      cursor = next;
    } while (cursor !== '0');
  });

  it('keeps a stream nobody reads near its bound, and trimming loses nothing: the outbox sends again', async () => {
    const notifications = Array.from({ length: 1_000 }, (_, i) => ({
      id: `ntf_${i}`,
      declarationId: `dcl_${i}`,
      residentId: `rsd_${i}`,
      agency: 'TEST',
      kind: 'MOVE',
      payload: {},
    }));
    const { outbox, rows } = memoryOutbox(notifications);
    workers.push(
      startOutboxRelay({
        redisUrl: REDIS_URL,
        keyPrefix: prefix,
        outbox,
        logger,
        pollMs: 20,
        redeliverAfterMs: 300,
        streamMaxLength: 100,
      }),
    );
    await until(() => rows.every((r) => r.publishedAt !== null), 'every notification published');
    // Approximate trimming (MAXLEN ~) drops whole stream nodes (100 entries each by default).
    const length = await redis.xlen(keys.notifications('TEST'));
    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThanOrEqual(200);

    // The agency comes back: what was trimmed before it read it is published again and applied.
    const applied = new Map<string, number>();
    workers.push(
      startAgencyConsumer({
        redisUrl: REDIS_URL,
        keyPrefix: prefix,
        agency: 'TEST',
        logger,
        tuning: { retryBaseMs: 50, blockMs: 100 },
        async apply(notification) {
          applied.set(notification.id, (applied.get(notification.id) ?? 0) + 1);
          return { result: 'APPLIED', reason: null };
        },
      }),
    );
    await until(() => rows.every((r) => r.outcome !== null), 'an outcome for every notification');
    expect(applied.size).toBe(1_000);
    expect(rows.every((r) => r.outcome?.result === 'APPLIED')).toBe(true);
  }, 60_000);
});
