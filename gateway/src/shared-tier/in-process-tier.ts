import {
  windowPosition,
  windowVerdict,
  type SharedTier,
  type WindowVerdict,
} from './shared-tier.js';

export interface InProcessTierOptions {
  /** Most values (cached answers, persisted queries) held; the oldest written go first. Default 10000. */
  maxValues?: number;
  /** Most counters (generations, rate-limit windows) held, likewise. Default 100000. */
  maxCounters?: number;
  /** The clock, for tests of expiry. Default Date.now. */
  now?: () => number;
}

interface Entry {
  value: string;
  /** Infinity for counters that never expire. */
  expiresAt: number;
}

/**
 * A bounded map whose first entry is the oldest written (a Map iterates in insertion order, and a
 * write re-inserts), with expiry checked on read.
 */
function boundedStore(max: number, now: () => number) {
  const entries = new Map<string, Entry>();
  return {
    read(key: string): Entry | undefined {
      const entry = entries.get(key);
      if (entry && entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry;
    },
    write(key: string, value: string, expiresAt: number) {
      entries.delete(key);
      entries.set(key, { value, expiresAt });
      while (entries.size > max) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    delete: (key: string) => entries.delete(key),
    clear: () => entries.clear(),
  };
}

/**
 * The shared tier of a single gateway process with no Redis: the same behaviour, shared by nobody.
 * Bounded, so a flood of distinct keys cannot grow the heap without limit; values and counters are
 * bounded apart, so a flood of persisted queries cannot evict rate-limit windows or generations.
 */
export function createInProcessTier(options: InProcessTierOptions = {}): SharedTier {
  const now = options.now ?? Date.now;
  const values = boundedStore(options.maxValues ?? 10_000, now);
  const counters = boundedStore(options.maxCounters ?? 100_000, now);
  let closed = false;
  const count = (key: string) => Number(counters.read(key)?.value ?? 0);

  return {
    kind: 'in-process',
    async get(key) {
      return values.read(key)?.value;
    },
    async set(key, value, ttlMs) {
      values.write(key, value, now() + ttlMs);
    },
    async delete(key) {
      values.delete(key);
    },
    async counter(key) {
      return count(key);
    },
    async increment(key) {
      counters.write(key, String(count(key) + 1), Infinity);
      return true;
    },
    async hit(key, limit, windowMs): Promise<WindowVerdict> {
      const at = now();
      const { index, elapsedMs } = windowPosition(at, windowMs);
      const currentKey = `${key}:${index}`;
      const verdict = windowVerdict(
        count(currentKey),
        count(`${key}:${index - 1}`),
        limit,
        windowMs,
        elapsedMs,
      );
      // Kept two windows: the next window still weighs this one.
      if (verdict.count)
        counters.write(currentKey, String(count(currentKey) + 1), at + 2 * windowMs);
      return { allowed: verdict.allowed, retryAfterMs: verdict.retryAfterMs };
    },
    status: () => ({ kind: 'in-process', state: closed ? 'closed' : 'up' }),
    async close() {
      closed = true;
      values.clear();
      counters.clear();
    },
  };
}
