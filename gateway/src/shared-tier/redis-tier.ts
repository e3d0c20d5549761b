import { Cluster, Redis } from 'ioredis';
import {
  windowPosition,
  windowVerdict,
  type SharedTier,
  type TierErrorObserver,
  type WindowVerdict,
} from './shared-tier.js';

/** Where the Redis tier connects: one server (a URL) or a Cluster (its seed nodes). */
export type RedisTarget = { readonly url: string } | { readonly clusterNodes: readonly string[] };

export interface RedisTierOptions {
  target: RedisTarget;
  /**
   * Longest one command may take before it counts as failed, in milliseconds. Short on purpose: a
   * stuck Redis must cost a request a few milliseconds, not its latency budget. Default 250.
   */
  commandTimeoutMs?: number;
  /**
   * After a command times out (Redis is there but not answering: stuck, overloaded, paused), how
   * long to answer without asking Redis at all, in milliseconds; then one request tries again.
   * Without it every request would wait `commandTimeoutMs` for each of its commands. Default 1000.
   */
  suspendAfterTimeoutMs?: number;
  /** Told about each failed operation. Default none. */
  onError?: TierErrorObserver;
}

/** An operation not sent because Redis recently stopped answering in time. */
export class TierSuspendedError extends Error {
  override name = 'TierSuspendedError';
}

/**
 * Counts one request in a sliding window, atomically (see windowVerdict): KEYS[1] is the current
 * fixed window's counter, KEYS[2] the previous one's, both under the caller's hash tag. Answers
 * {allowed, current, previous} so the caller can say how long to wait.
 */
const HIT_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local elapsed = tonumber(ARGV[3])
if previous * (window - elapsed) / window + current + 1 <= limit then
  redis.call('INCR', KEYS[1])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  return {1, current + 1, previous}
end
return {0, current, previous}
`;

type Client = (Redis | Cluster) & {
  hitWindow(
    current: string,
    previous: string,
    ...args: number[]
  ): Promise<[number, number, number]>;
};

/** Reconnect soon after a restart, but do not hammer a Redis that is down: 50 ms, growing to 1 s. */
const reconnectDelay = (attempt: number) => Math.min(50 * attempt, 1_000);

/**
 * The shared tier on Redis (ioredis `Redis`, or `Cluster` for a Redis Cluster). Commands are never
 * queued while disconnected (`enableOfflineQueue: false`): while Redis is away every operation
 * fails at once and the tier answers as documented on SharedTier, and ioredis reconnects in the
 * background, so the tier is used again as soon as Redis is back.
 */
export function createRedisTier(options: RedisTierOptions): SharedTier {
  const commandTimeout = options.commandTimeoutMs ?? 250;
  const common = {
    enableOfflineQueue: false,
    commandTimeout,
    // A command that fails is not sent again: the request goes on without the tier instead.
    maxRetriesPerRequest: 0,
    // Node's default lookup: 'localhost' resolves the same way the rest of the process does.
    connectionName: 'resident-graph-gateway',
  } as const;
  const suspendMs = options.suspendAfterTimeoutMs ?? 1_000;
  let lastError: string | null = null;
  /** While Date.now() is before this, operations answer without Redis (see suspendAfterTimeoutMs). */
  let suspendedUntil = 0;
  const client = (
    'url' in options.target
      ? new Redis(options.target.url, { ...common, retryStrategy: reconnectDelay })
      : new Cluster(
          options.target.clusterNodes.map((node) => {
            const [host = '127.0.0.1', port = '6379'] = node.split(':');
            return { host, port: Number(port) };
          }),
          {
            enableOfflineQueue: false,
            clusterRetryStrategy: reconnectDelay,
            redisOptions: common,
            slotsRefreshTimeout: 1_000,
          },
        )
  ) as Client;
  client.defineCommand('hitWindow', { numberOfKeys: 2, lua: HIT_SCRIPT });
  // Without a listener ioredis reports every failed reconnect as an unhandled 'error' event.
  client.on('error', (error: Error) => {
    lastError = error.message;
  });
  client.on('ready', () => {
    lastError = null;
  });

  /** Runs one operation; when Redis cannot do it, tells onError and answers `fallback`. */
  async function attempt<T>(operation: string, run: () => Promise<T>, fallback: T): Promise<T> {
    if (Date.now() < suspendedUntil) {
      options.onError?.(operation, new TierSuspendedError(`suspended: ${lastError}`));
      return fallback;
    }
    try {
      const result = await run();
      lastError = null;
      return result;
    } catch (error) {
      // Seen before ioredis notices the connection is gone: readiness says so at once.
      lastError = (error as Error).message;
      if (/timed out/i.test(lastError)) {
        lastError = `no answer within ${commandTimeout} ms`;
        suspendedUntil = Date.now() + suspendMs;
      }
      options.onError?.(operation, error as Error);
      return fallback;
    }
  }

  return {
    kind: client instanceof Cluster ? 'redis-cluster' : 'redis',
    get: (key) => attempt('get', async () => (await client.get(key)) ?? undefined, undefined),
    set: (key, value, ttlMs) =>
      attempt(
        'set',
        async () => {
          await client.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
        },
        undefined,
      ),
    delete: (key) =>
      attempt(
        'delete',
        async () => {
          await client.del(key);
        },
        undefined,
      ),
    counter: (key) => attempt('counter', async () => Number((await client.get(key)) ?? 0), null),
    increment: (key) =>
      attempt(
        'increment',
        async () => {
          await client.incr(key);
          return true;
        },
        false,
      ),
    hit: (key, limit, windowMs) =>
      attempt<WindowVerdict>(
        'hit',
        async () => {
          const { index, elapsedMs } = windowPosition(Date.now(), windowMs);
          const [allowed, current, previous] = await client.hitWindow(
            `${key}:${index}`,
            `${key}:${index - 1}`,
            limit,
            windowMs,
            elapsedMs,
          );
          if (allowed === 1) return { allowed: true, retryAfterMs: 0 };
          const verdict = windowVerdict(current, previous, limit, windowMs, elapsedMs);
          return { allowed: false, retryAfterMs: Math.max(1, verdict.retryAfterMs) };
        },
        // Fail open: a rate limiter that cannot count must not turn away every client.
        { allowed: true, retryAfterMs: 0 },
      ),
    status() {
      const kind = client instanceof Cluster ? 'redis-cluster' : 'redis';
      if (client.status === 'end') return { kind, state: 'closed' };
      if (client.status === 'ready' && lastError === null) return { kind, state: 'up' };
      return { kind, state: lastError ? `unavailable: ${lastError}` : client.status };
    },
    async close() {
      // quit() waits for Redis to answer; when it is away, disconnect at once instead.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}
