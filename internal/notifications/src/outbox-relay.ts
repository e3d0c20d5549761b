import type { Logger } from '@resident-graph/logging';
import { randomUUID } from 'node:crypto';
import type { RunningWorker } from './agency-consumer.js';
import {
  notificationFields,
  parseOutcome,
  type Notification,
  type Outcome,
} from './notification.js';
import { connectRedis, ensureGroup, entriesOf, isNoGroupError, sleep } from './redis-connection.js';
import { OUTCOMES_GROUP, streamKeys } from './streams.js';

/** The outbox as the relay sees it; the owner's store implements it (life-events). */
export interface Outbox {
  /**
   * Notifications with no outcome yet that were never published or were published before
   * `publishedBefore` (an ISO instant; null = all of them), oldest first.
   */
  undelivered(publishedBefore: string | null, limit: number): Promise<Notification[]>;
  markPublished(ids: readonly string[], at: string): Promise<void>;
  /** Records agencies' outcomes; an outcome seen twice (a redelivery) changes nothing. */
  recordOutcomes(outcomes: readonly Outcome[]): Promise<void>;
}

export interface OutboxRelayOptions {
  redisUrl: string;
  keyPrefix: string;
  outbox: Outbox;
  logger: Logger;
  /** How often the outbox is read for notifications to publish (default 200 ms). */
  pollMs?: number;
  /** Publish again what has had no outcome for this long (default 60000 ms). */
  redeliverAfterMs?: number;
  /** Notifications published per round (default 500). */
  batchSize?: number;
  /**
   * About how many entries each agency's stream may hold (default 100000): older ones are trimmed
   * as new ones are added (XADD MAXLEN ~). Nothing is lost by it: a trimmed notification has no
   * outcome, so the outbox publishes it again. What it prevents: a stream nobody reads (an agency
   * down for hours) growing by a copy of every pending notification each redelivery.
   */
  streamMaxLength?: number;
}

/**
 * The outbox owner's side of delivery. Publishes each recorded notification to its agency's
 * stream, reads the agencies' outcomes back into the outbox, and publishes again whatever has no
 * outcome: at once when Redis lost its data (the epoch key is gone), otherwise after
 * `redeliverAfterMs`. Agencies apply by notification id, so publishing twice is harmless; never
 * publishing is what this prevents, which makes delivery at-least-once and application exactly-once.
 */
export function startOutboxRelay(options: OutboxRelayOptions): RunningWorker {
  const pollMs = options.pollMs ?? 200;
  const redeliverAfterMs = options.redeliverAfterMs ?? 60_000;
  const batchSize = options.batchSize ?? 500;
  const streamMaxLength = String(options.streamMaxLength ?? 100_000);
  const keys = streamKeys(options.keyPrefix);
  const { logger, outbox } = options;
  const redis = connectRedis(options.redisUrl, logger, 'outbox relay');
  let running = true;
  let epoch: string | null = null;
  let groupReady = false;
  // One name for every run: a restarted relay first records what it read but had not acknowledged.
  const consumer = 'outbox-relay';

  /** True when Redis is not the one we published to: new, restarted without data, or flushed. */
  async function redisLostData(): Promise<boolean> {
    const current = await redis.get(keys.epoch());
    if (current !== null && current === epoch) return false;
    if (current === null) {
      const fresh = randomUUID();
      // NX: when several relays start together, one epoch wins and all adopt it.
      await redis.set(keys.epoch(), fresh, 'NX');
      epoch = await redis.get(keys.epoch());
      groupReady = false;
      return true;
    }
    // Another relay already reset the epoch after a loss; adopt it and resend ourselves.
    epoch = current;
    return true;
  }

  async function publish(): Promise<number> {
    const resendAll = await redisLostData();
    const cutoff = resendAll ? null : new Date(Date.now() - redeliverAfterMs).toISOString();
    // Fresh ones are never published yet; `cutoff` brings back the stale published ones too.
    const due = await outbox.undelivered(cutoff, batchSize);
    if (due.length === 0) return 0;
    const pipeline = redis.pipeline();
    for (const n of due) {
      pipeline.xadd(
        keys.notifications(n.agency),
        'MAXLEN',
        '~',
        streamMaxLength,
        '*',
        ...notificationFields(n),
      );
    }
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
    await outbox.markPublished(
      due.map((n) => n.id),
      new Date().toISOString(),
    );
    return due.length;
  }

  async function collectOutcomes(): Promise<number> {
    if (!groupReady) {
      await ensureGroup(redis, keys.outcomes(), OUTCOMES_GROUP);
      groupReady = true;
    }
    // Our own pending first (read before a crash, not yet recorded), then new ones.
    let total = 0;
    for (const from of ['0', '>']) {
      const reply = await redis.call(
        'XREADGROUP',
        'GROUP',
        OUTCOMES_GROUP,
        consumer,
        'COUNT',
        String(batchSize),
        'STREAMS',
        keys.outcomes(),
        from,
      );
      const entries = entriesOf(reply);
      if (entries.length === 0) continue;
      const outcomes = entries
        .map(([, fields]) => parseOutcome(fields))
        .filter((o): o is Outcome => o !== null);
      await outbox.recordOutcomes(outcomes);
      const ids = entries.map(([id]) => id);
      await redis.call('XACK', keys.outcomes(), OUTCOMES_GROUP, ...ids);
      // Recorded in the outbox, so the stream need not keep them.
      await redis.call('XDEL', keys.outcomes(), ...ids);
      total += entries.length;
    }
    return total;
  }

  const loop = (async () => {
    while (running) {
      try {
        const published = await publish();
        const collected = await collectOutcomes();
        // Keep going without a pause while there is work; idle, poll.
        if (published < batchSize && collected === 0) await sleep(pollMs);
      } catch (error) {
        if (!running) break;
        if (isNoGroupError(error)) groupReady = false;
        else logger.debug({ err: error }, 'outbox relay round failed');
        await sleep(pollMs);
      }
    }
  })();

  return {
    redisUp: () => redis.status === 'ready',
    async stop() {
      running = false;
      await loop;
      redis.disconnect();
    },
  };
}
