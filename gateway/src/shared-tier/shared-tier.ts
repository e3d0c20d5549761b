/**
 * The gateway's shared tier: the little state replicas share (persisted queries, response cache,
 * invalidation generations, rate-limit windows). Redis in production (one instance or a Cluster),
 * an in-process implementation of the same interface when no Redis is configured. See
 * docs/adr/0012-redis-shared-tier.md.
 *
 * Every method answers even when the backing store does not: a read that fails is a miss, a write
 * that fails is dropped, a rate-limit check that fails lets the request through. Losing the tier
 * costs speed, never an answer.
 */
export interface SharedTier {
  /** `in-process`, `redis` or `redis-cluster`. */
  readonly kind: SharedTierKind;
  /** The value at `key`, or undefined when absent, expired or the tier cannot answer. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` at `key` for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** A counter's value: 0 when absent; null when the tier cannot answer. */
  counter(key: string): Promise<number | null>;
  /** Adds one to a counter that never expires; resolves false when the tier could not do it. */
  increment(key: string): Promise<boolean>;
  /**
   * Counts one request against the sliding window named by `key` (`limit` requests per `windowMs`),
   * unless that would go over the limit. Both window halves live under one hash tag.
   */
  hit(key: string, limit: number, windowMs: number): Promise<WindowVerdict>;
  /** For readiness: what the tier is and whether it answers now. */
  status(): SharedTierStatus;
  /** Closes connections; the tier answers as if unavailable afterwards. */
  close(): Promise<void>;
}

export type SharedTierKind = 'in-process' | 'redis' | 'redis-cluster';

export interface SharedTierStatus {
  readonly kind: SharedTierKind;
  /** `up`, or why not (`connecting`, `unavailable: <reason>`, `closed`). */
  readonly state: string;
}

export interface WindowVerdict {
  readonly allowed: boolean;
  /** When refused: milliseconds until one more request fits. 0 when allowed. */
  readonly retryAfterMs: number;
}

/** Told about each operation the tier could not do (metrics and logs); the caller carries on. */
export type TierErrorObserver = (operation: string, error: Error) => void;

/**
 * Key names. Every key starts with `<prefix>:<service>:`; keys whose meaning depends on the schema
 * (cached responses, persisted queries) also carry the supergraph version, so a new supergraph
 * never serves an answer shaped by the old one. A part in `{…}` is a Redis Cluster hash tag: keys
 * one operation touches together share it, so they sit in one slot.
 */
export interface TierKeys {
  /** Schema-independent: rate-limit windows, invalidation generations. */
  plain(name: string): string;
  /** Schema-dependent: includes the supergraph version being served right now. */
  versioned(name: string): string;
}

export function tierKeys(prefix: string, service: string, version: () => string): TierKeys {
  const base = `${prefix}:${service}:`;
  return {
    plain: (name) => base + name,
    // 16 hex digits of the sha256: enough to tell versions apart, short enough for every key.
    versioned: (name) => `${base}v${version().slice(0, 16)}:${name}`,
  };
}

/**
 * The sliding-window estimate both implementations use (as Cloudflare's rate limiter does): the
 * count of the current fixed window plus the previous window's count weighted by how much of it
 * the sliding window still covers. Two counters per subject instead of one entry per request.
 */
export function windowVerdict(
  current: number,
  previous: number,
  limit: number,
  windowMs: number,
  elapsedMs: number,
): WindowVerdict & { count: boolean } {
  const remaining = windowMs - elapsedMs;
  const estimate = (previous * remaining) / windowMs + current;
  if (estimate + 1 <= limit) return { allowed: true, retryAfterMs: 0, count: true };
  let retryAfterMs: number;
  if (current + 1 > limit) {
    // Only the next window can make room: wait until this one's weight has fallen enough.
    const fraction = current === 0 ? 0 : Math.max(0, 1 - (limit - 1) / current);
    retryAfterMs = remaining + fraction * windowMs;
  } else {
    // The previous window's share shrinks as time passes: wait until it has shrunk enough.
    retryAfterMs = Math.max(1, remaining - ((limit - 1 - current) * windowMs) / previous);
  }
  return { allowed: false, retryAfterMs: Math.ceil(retryAfterMs), count: false };
}

/** The fixed window `now` falls in, and how far into it. */
export function windowPosition(now: number, windowMs: number) {
  const index = Math.floor(now / windowMs);
  return { index, elapsedMs: now - index * windowMs };
}
