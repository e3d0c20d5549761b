import {
  windowPosition,
  windowVerdict,
  type SharedTier,
  type WindowVerdict,
} from './shared-tier.js';

export interface InProcessTierOptions {
  /** Most entries held; the oldest written go first beyond it. Default 10000. */
  maxEntries?: number;
  /** The clock, for tests of expiry. Default Date.now. */
  now?: () => number;
}

interface Entry {
  value: string;
  /** Infinity for counters. */
  expiresAt: number;
}

/**
 * The shared tier of a single gateway process with no Redis: the same behaviour, shared by nobody.
 * Bounded, so a flood of distinct keys cannot grow the heap without limit.
 */
export function createInProcessTier(options: InProcessTierOptions = {}): SharedTier {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on write makes the first entry the oldest.
  const entries = new Map<string, Entry>();
  let closed = false;

  const read = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const write = (key: string, value: string, expiresAt: number) => {
    entries.delete(key);
    entries.set(key, { value, expiresAt });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  const count = (key: string) => Number(read(key)?.value ?? 0);

  return {
    kind: 'in-process',
    async get(key) {
      return read(key)?.value;
    },
    async set(key, value, ttlMs) {
      write(key, value, now() + ttlMs);
    },
    async delete(key) {
      entries.delete(key);
    },
    async counter(key) {
      return count(key);
    },
    async increment(key) {
      write(key, String(count(key) + 1), Infinity);
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
      if (verdict.count) write(currentKey, String(count(currentKey) + 1), at + 2 * windowMs);
      return { allowed: verdict.allowed, retryAfterMs: verdict.retryAfterMs };
    },
    status: () => ({ kind: 'in-process', state: closed ? 'closed' : 'up' }),
    async close() {
      closed = true;
      entries.clear();
    },
  };
}
