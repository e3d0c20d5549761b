import {
  createServiceMetrics,
  LATENCY_BUCKETS,
  type ServiceMetrics,
} from '@resident-graph/observability';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { GatewayContext } from './context.js';
import type { FetchObserver } from './data-source.js';
import type { BreakerState, PolicyHooks } from './resilience/agency-policy.js';
import { subgraphFailureCodes } from './resilience/subgraph-errors.js';
import type { ReloadAttempt } from './supergraph-source.js';
import type { RateLimitSubject } from './protection/rate-limit.js';
import type { TierErrorObserver } from './shared-tier/shared-tier.js';

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half-open', 'isolated'];

/** The gateway's metrics: the service ones (requests by operation) plus per-agency fetches, breakers and reloads. */
export interface GatewayMetrics extends ServiceMetrics {
  readonly observeFetch: FetchObserver;
  readonly policyHooks: Required<PolicyHooks>;
  readonly supergraphLoaded: (hash: string) => void;
  readonly reloadAttempted: (attempt: ReloadAttempt) => void;
  /** A lookup in a cache of the shared tier: `response` (answers) or `apq` (persisted queries). */
  readonly cacheLookup: (cache: 'response' | 'apq', result: 'hit' | 'miss') => void;
  readonly tierError: TierErrorObserver;
  readonly rateLimited: (limit: RateLimitSubject) => void;
  readonly fetchDeduplicated: (agency: string) => void;
}

export function createGatewayMetrics(): GatewayMetrics {
  const service = createServiceMetrics(
    'gateway',
    (context: Partial<GatewayContext>) => context.requestId,
  );
  const registers = [service.registry];
  const fetchDuration = new Histogram({
    name: 'subgraph_fetch_duration_seconds',
    help: 'Time for one query-plan fetch to an agency, retries included, by agency and outcome (ok or the failure kind).',
    labelNames: ['agency', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const fetchErrors = new Counter({
    name: 'subgraph_fetch_errors_total',
    help: 'Fetches to an agency that gave no usable answer, by agency and the error code clients saw.',
    labelNames: ['agency', 'code'] as const,
    registers,
  });
  const retries = new Counter({
    name: 'subgraph_retries_total',
    help: 'Query fetches sent again to an agency after it could not be reached.',
    labelNames: ['agency'] as const,
    registers,
  });
  const breaker = new Gauge({
    name: 'subgraph_breaker_state',
    help: 'Circuit breaker state per agency: 1 for the current state, 0 for the others.',
    labelNames: ['agency', 'state'] as const,
    registers,
  });
  const reloads = new Counter({
    name: 'supergraph_reloads_total',
    help: 'Supergraph file changes seen, by result (applied or rejected).',
    labelNames: ['result'] as const,
    registers,
  });
  const supergraph = new Gauge({
    name: 'supergraph_info',
    help: 'The supergraph being served: 1 for its sha256, by hash.',
    labelNames: ['hash'] as const,
    registers,
  });
  const cacheLookups = new Counter({
    name: 'cache_lookups_total',
    help: 'Lookups in the shared tier’s caches, by cache (response or apq) and result (hit or miss).',
    labelNames: ['cache', 'result'] as const,
    registers,
  });
  const tierErrors = new Counter({
    name: 'shared_tier_errors_total',
    help: 'Shared-tier (Redis) operations that failed, by operation; the request went on without them.',
    labelNames: ['operation'] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: 'rate_limited_total',
    help: 'Requests refused with 429, by the limit they were over (client or resident).',
    labelNames: ['limit'] as const,
    registers,
  });
  const deduplicated = new Counter({
    name: 'subgraph_fetches_deduplicated_total',
    help: 'Query fetches to an agency not sent because the same caller’s identical fetch was in flight.',
    labelNames: ['agency'] as const,
    registers,
  });
  const breakerSeen = new Set<string>();
  const supergraphLoaded = (hash: string) => {
    supergraph.reset();
    supergraph.set({ hash }, 1);
  };
  const setBreaker = (agency: string, state: BreakerState) => {
    for (const s of BREAKER_STATES) breaker.set({ agency, state: s }, s === state ? 1 : 0);
  };
  return {
    ...service,
    observeFetch: ({ agency, failure, durationSeconds }) => {
      fetchDuration.observe({ agency, outcome: failure ?? 'ok' }, durationSeconds);
      if (failure) fetchErrors.inc({ agency, code: subgraphFailureCodes[failure] });
      // The first fetch makes the agency's breaker visible, closed, before anything goes wrong.
      if (!breakerSeen.has(agency)) {
        breakerSeen.add(agency);
        if (!failure) setBreaker(agency, 'closed');
      }
    },
    policyHooks: {
      onBreakerStateChange: (agency, state) => {
        breakerSeen.add(agency);
        setBreaker(agency, state);
      },
      onRetry: (agency) => retries.inc({ agency }),
    },
    supergraphLoaded,
    cacheLookup: (cache, result) => cacheLookups.inc({ cache, result }),
    tierError: (operation) => tierErrors.inc({ operation }),
    rateLimited: (limit) => rateLimited.inc({ limit }),
    fetchDeduplicated: (agency) => deduplicated.inc({ agency }),
    reloadAttempted: (attempt) => {
      reloads.inc({ result: attempt.result });
      if (attempt.result === 'applied') supergraphLoaded(attempt.hash);
    },
  };
}
