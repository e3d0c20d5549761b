import {
  CALLER_TOKEN_TTL_SECONDS,
  callerIdentityKey,
  signCallerToken,
  type Caller,
  type SigningKey,
} from '@resident-graph/caller';
import { LRUCache } from 'lru-cache';

/** Signs the caller tokens the gateway sends to subgraphs, reusing each for a while. */
export interface CallerTokens {
  /** A caller token for `caller` at `audience` (a subgraph's name) with at least `minLifeSeconds` left. */
  tokenFor(caller: Caller, audience: string): Promise<string>;
}

export interface CallerTokensOptions {
  /** Life of each token, in seconds. Default CALLER_TOKEN_TTL_SECONDS (60). */
  ttlSeconds?: number;
  /**
   * The least life a token handed out has left, in seconds: a token is signed anew once less
   * remains. Longer than any request takes (a subgraph fetch gives up after 10 s by default, a
   * query's retries included). Default half the TTL (30). 0, or the TTL or more: never reused.
   */
  minLifeSeconds?: number;
  /** Tokens kept at most (callers × subgraphs); the least recently used go first. Default 10,000. */
  maxTokens?: number;
}

interface SignedToken {
  token: Promise<string>;
  /** Until when (ms) it has at least minLifeSeconds left. */
  reuseUntil: number;
}

/**
 * Caller tokens reused per (caller, subgraph) while most of their minute is left, instead of one
 * signature per subgraph per request: signing was the largest single cost of ours on the life-event
 * workload (7.6% of the gateway's CPU under perf, five to eight tokens a query; docs/performance.md).
 *
 * Safe because a token says only who is asking (callerIdentityKey: resident, client, scopes,
 * assurance, refusal reason), never which request (the request id travels in `x-request-id`): two
 * requests of the same caller are told the same thing, and a token was never single-use, so one
 * captured is worth what it was before, to the same subgraph, for at most the same minute. A caller
 * whose scopes or consent narrow differs in its key, so it never gets another's token.
 */
export function createCallerTokens(
  key: SigningKey,
  options: CallerTokensOptions = {},
): CallerTokens {
  const ttlSeconds = options.ttlSeconds ?? CALLER_TOKEN_TTL_SECONDS;
  const minLifeSeconds = options.minLifeSeconds ?? ttlSeconds / 2;
  const reuse = minLifeSeconds > 0 && minLifeSeconds < ttlSeconds;
  const signed = new LRUCache<string, SignedToken>({ max: options.maxTokens ?? 10_000 });

  return {
    tokenFor(caller, audience) {
      if (!reuse) return signCallerToken(caller, key, audience, ttlSeconds);
      const cacheKey = `${audience}\n${callerIdentityKey(caller)}`;
      const at = Date.now();
      const existing = signed.get(cacheKey);
      if (existing && at < existing.reuseUntil) return existing.token;
      // The token's iat is whole seconds, rounded down: its life is counted from there (signing
      // reads the clock a moment later, so this errs on the side of a shorter reuse).
      const issuedAt = Math.floor(at / 1000) * 1000;
      const token = signCallerToken(caller, key, audience, ttlSeconds);
      signed.set(cacheKey, {
        token,
        reuseUntil: issuedAt + (ttlSeconds - minLifeSeconds) * 1000,
      });
      // A failed signature is not kept (it would fail every request of this caller for half a minute).
      token.catch(() => {
        if (signed.peek(cacheKey)?.token === token) signed.delete(cacheKey);
      });
      return token;
    },
  };
}
