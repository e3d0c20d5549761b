import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ResidentGraphError } from '@resident-graph/errors';
import type { GatewayContext } from '../context.js';
import type { SharedTier, TierKeys } from '../shared-tier/shared-tier.js';

/** Requests per sliding window, per client application and per signed-in resident. */
export interface RateLimits {
  readonly windowMs: number;
  /** null = no limit per client. */
  readonly perClient: number | null;
  /** null = no limit per resident. */
  readonly perResident: number | null;
}

export type RateLimitSubject = 'client' | 'resident';

export class RateLimitedError extends ResidentGraphError<'RATE_LIMITED'> {
  constructor(limit: RateLimitSubject, retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      `Too many requests from this ${limit === 'client' ? 'application' : 'account'}; try again in ${retryAfterSeconds} s.`,
      {
        limit,
        retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    );
  }
}

/**
 * Counts each operation against its client's and its resident's sliding windows in the shared tier,
 * so every replica counts together, and refuses one over either limit with HTTP 429 before it is
 * planned. A caller with neither a client nor a resident (anonymous) is counted as the client
 * `anonymous`. When the tier cannot count, the request goes through (see SharedTier).
 */
export function rateLimitPlugin(
  limits: RateLimits,
  tier: SharedTier,
  keys: TierKeys,
  onLimited?: (limit: RateLimitSubject) => void,
): ApolloServerPlugin<GatewayContext> {
  const check = async (subject: RateLimitSubject, id: string, limit: number | null) => {
    if (limit === null) return;
    // The hash tag holds both window counters of one subject in one Cluster slot.
    const verdict = await tier.hit(keys.plain(`rl:{${subject}:${id}}`), limit, limits.windowMs);
    if (verdict.allowed) return;
    onLimited?.(subject);
    throw new RateLimitedError(subject, Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)));
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue: { caller } }) {
          // Resident first: one resident over their limit must not use up their application's.
          if (caller.residentId !== null)
            await check('resident', caller.residentId, limits.perResident);
          await check('client', caller.clientId ?? 'anonymous', limits.perClient);
        },
      };
    },
  };
}
