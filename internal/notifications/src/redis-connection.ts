import type { Logger } from '@resident-graph/logging';
import { Redis } from 'ioredis';

/**
 * A connection for the delivery loops. Commands fail fast while Redis is away (no offline queue,
 * one try per command) because the loops retry on their own schedule and the outbox keeps
 * everything; ioredis keeps reconnecting in the background. Errors are logged once per outage, not
 * once per reconnect attempt.
 */
export function connectRedis(url: string, logger: Logger, name: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: name,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error }, `${name}: Redis unavailable; delivery waits in the outbox`);
  });
  redis.on('ready', () => {
    if (down) logger.info(`${name}: Redis is back`);
    down = false;
  });
  return redis;
}

/** Stream entries as ioredis returns them: `[id, [field, value, …]]`. */
export type StreamEntry = [id: string, fields: string[]];

/**
 * The entries of an `XREADGROUP … STREAMS key id` reply for one stream, or none. RESP2 answers
 * `[[key, entries]]`; RESP3 (ioredis 6's default where the server has it) answers a map, which
 * ioredis flattens to `[key, entries]`: both are read.
 */
export function entriesOf(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const pair: unknown = typeof reply[0] === 'string' ? reply : reply[0];
  const entries = Array.isArray(pair) ? (pair[1] as unknown) : null;
  if (!Array.isArray(entries)) return [];
  return entries.filter((entry): entry is StreamEntry => Array.isArray((entry as unknown[])?.[1]));
}

export const isNoGroupError = (error: unknown) =>
  error instanceof Error && error.message.startsWith('NOGROUP');

/** Creates `group` on `stream` (and the stream) reading from the start; fine if it exists. */
export async function ensureGroup(redis: Redis, stream: string, group: string): Promise<void> {
  try {
    await redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM');
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
