import type { Logger } from '@resident-graph/logging';
import { randomUUID } from 'node:crypto';
import type { AgencyDecision } from './apply-once.js';
import {
  fieldMap,
  outcomeFields,
  parseNotification,
  type Notification,
  type Outcome,
} from './notification.js';
import {
  connectRedis,
  ensureGroup,
  entriesOf,
  isNoGroupError,
  sleep,
  type StreamEntry,
} from './redis-connection.js';
import { agencyGroup, streamKeys } from './streams.js';

export interface DeliveryTuning {
  /** Deliveries of one notification before it is dead-lettered (default 5). */
  maxAttempts: number;
  /**
   * Wait before the first retry, doubled for each later one (default 1000 ms). A notification read
   * by a consumer that died is retried by another after this long, too.
   */
  retryBaseMs: number;
  /** Notifications read per round (default 100). */
  batchSize: number;
  /** How long one read waits for new notifications (default 1000 ms); bounds shutdown time. */
  blockMs: number;
}

export const defaultDeliveryTuning: DeliveryTuning = {
  maxAttempts: 5,
  retryBaseMs: 1_000,
  batchSize: 100,
  blockMs: 1_000,
};

export interface AgencyConsumerOptions {
  redisUrl: string;
  keyPrefix: string;
  /** The `Agency` value whose stream this consumer reads, e.g. `SSA`. */
  agency: string;
  /** Applies one notification idempotently (see `applyOnce`); throwing means "try again later". */
  apply(notification: Notification): Promise<AgencyDecision>;
  logger: Logger;
  tuning?: Partial<DeliveryTuning>;
}

export interface RunningWorker {
  /** Whether its Redis connections are ready now; for /health/ready (informational, never gating). */
  redisUp(): boolean;
  stop(): Promise<void>;
}

/**
 * An agency's side of delivery: reads its stream in its consumer group, applies each notification,
 * reports the outcome on the outcomes stream and only then acknowledges it. Anything read but not
 * acknowledged (a failed apply, or a consumer killed mid-batch) stays pending in the group; each
 * round this consumer claims pending entries that have waited their backoff and tries them again,
 * and after `maxAttempts` deliveries moves them to the dead-letter stream and reports FAILED.
 */
export function startAgencyConsumer(options: AgencyConsumerOptions): RunningWorker {
  const tuning = { ...defaultDeliveryTuning, ...options.tuning };
  const keys = streamKeys(options.keyPrefix);
  const stream = keys.notifications(options.agency);
  const group = agencyGroup(options.agency);
  const consumer = `${options.agency.toLowerCase()}-${randomUUID()}`;
  const { logger } = options;
  // Blocking reads get their own connection, so outcome writes and acks never queue behind them.
  const reader = connectRedis(options.redisUrl, logger, `${group} reader`);
  const writer = connectRedis(options.redisUrl, logger, `${group} writer`);
  let running = true;
  let groupReady = false;

  const backoff = (deliveries: number) =>
    Math.min(tuning.retryBaseMs * 2 ** Math.max(0, deliveries - 1), 60_000);

  async function report(outcome: Outcome, entryId: string) {
    // Outcome first, then ack: a crash in between redelivers, and applyOnce answers the same again.
    await writer.call('XADD', keys.outcomes(), '*', ...outcomeFields(outcome));
    await acknowledge(entryId);
  }

  /**
   * Acknowledged entries are deleted too: one group reads this stream and the outbox, not the
   * stream, is the record, so the stream holds only what is still in flight.
   */
  async function acknowledge(entryId: string) {
    await writer.call('XACK', stream, group, entryId);
    await writer.call('XDEL', stream, entryId);
  }

  async function handle([entryId, fields]: StreamEntry): Promise<void> {
    try {
      const notification = parseNotification(fields);
      const decision = await options.apply(notification);
      await report(
        {
          notificationId: notification.id,
          agency: options.agency,
          result: decision.result,
          reason: decision.reason,
        },
        entryId,
      );
    } catch (error) {
      // Left pending on purpose: the retry sweep picks it up after its backoff.
      logger.warn({ err: error, entryId }, `${group}: applying a notification failed; will retry`);
    }
  }

  async function deadLetter([entryId, fields]: StreamEntry, deliveries: number) {
    const map = fieldMap(fields);
    await writer.call(
      'XADD',
      keys.deadLetters(options.agency),
      '*',
      ...fields,
      'originalEntryId',
      entryId,
      'deliveries',
      String(deliveries),
      'deadLetteredAt',
      new Date().toISOString(),
    );
    const notificationId = map.get('id');
    if (notificationId) {
      await writer.call(
        'XADD',
        keys.outcomes(),
        '*',
        ...outcomeFields({
          notificationId,
          agency: options.agency,
          result: 'FAILED',
          reason: `${options.agency} could not process this after ${deliveries} tries. Our support team has been told and will retry it.`,
        }),
      );
    }
    await acknowledge(entryId);
    logger.error({ entryId, deliveries }, `${group}: notification dead-lettered`);
  }

  /** Retries what waited its backoff (ours or a dead consumer's), dead-letters the hopeless. */
  async function sweepPending() {
    const pending = (await writer.call(
      'XPENDING',
      stream,
      group,
      'IDLE',
      String(tuning.retryBaseMs),
      '-',
      '+',
      String(tuning.batchSize),
    )) as [string, string, number, number][];
    for (const [entryId, , idleMs, deliveries] of pending) {
      if (!running) return;
      if (idleMs < backoff(deliveries)) continue;
      // XCLAIM with the same idle floor: if another consumer claimed it meanwhile, we get nothing.
      const claimed = (await writer.call(
        'XCLAIM',
        stream,
        group,
        consumer,
        String(backoff(deliveries)),
        entryId,
      )) as (StreamEntry | null)[];
      const entry = claimed.find((e): e is StreamEntry => Array.isArray(e?.[1]));
      if (!entry) {
        // Trimmed or lost from the stream while pending: nothing left to apply.
        if (claimed.length === 0) continue;
        await writer.call('XACK', stream, group, entryId);
        continue;
      }
      if (deliveries >= tuning.maxAttempts) await deadLetter(entry, deliveries);
      else await handle(entry);
    }
  }

  async function round() {
    if (!groupReady) {
      await ensureGroup(writer, stream, group);
      groupReady = true;
    }
    await sweepPending();
    const reply = await reader.call(
      'XREADGROUP',
      'GROUP',
      group,
      consumer,
      'COUNT',
      String(tuning.batchSize),
      'BLOCK',
      String(tuning.blockMs),
      'STREAMS',
      stream,
      '>',
    );
    for (const entry of entriesOf(reply)) {
      if (!running) return;
      await handle(entry);
    }
  }

  const loop = (async () => {
    while (running) {
      try {
        await round();
      } catch (error) {
        if (!running) break;
        // Redis flushed or restarted: the group is gone; create it again (from the stream's start).
        if (isNoGroupError(error)) groupReady = false;
        else logger.debug({ err: error }, `${group}: delivery round failed`);
        await sleep(Math.min(tuning.retryBaseMs, 500));
      }
    }
  })();

  return {
    redisUp: () => reader.status === 'ready' && writer.status === 'ready',
    async stop() {
      running = false;
      reader.disconnect();
      await loop;
      writer.disconnect();
    },
  };
}
