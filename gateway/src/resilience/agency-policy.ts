import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { RetryBudget } from './retry-budget.js';
import { resilienceFor, type AgencyResilience, type ResilienceConfig } from './settings.js';
import { SubgraphFetchFailure } from './subgraph-errors.js';

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

const breakerStates: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/** Whether an operation may be sent twice: queries yes, mutations and subscriptions never. */
export type OperationKind = 'query' | 'mutation';

export interface PolicyHooks {
  onBreakerStateChange?(agency: string, state: BreakerState): void;
  onRetry?(agency: string, attempt: number): void;
}

/** One agency's timeout, retries and circuit breaker, shared by every fetch to that agency. */
export interface AgencyPolicy {
  readonly agency: string;
  readonly settings: AgencyResilience;
  breakerState(): BreakerState;
  /**
   * Runs one subgraph fetch under the policy. `attempt` gets an AbortSignal that fires when the
   * time is up (it must pass it to fetch). Resolves with the result; rejects only with a
   * SubgraphFetchFailure saying which case it was, or with whatever non-fetch error `attempt`
   * threw (a bug, which the caller masks).
   */
  execute<T>(kind: OperationKind, attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/**
 * Builds an agency's policy with cockatiel: an overall timeout (the agency's whole budget, retries
 * included, so a fetch never outlives `timeoutMs`), then for queries a retry with exponential
 * backoff and decorrelated jitter, limited by a retry budget, then a consecutive-failure breaker
 * that every attempt passes through. Mutations skip the retry: a mutation sent twice may act twice.
 */
export function createAgencyPolicy(
  agency: string,
  settings: AgencyResilience,
  hooks: PolicyHooks = {},
): AgencyPolicy {
  const breaker = circuitBreaker(
    // Every failed fetch counts, whatever the cause: the agency is not serving.
    handleWhen((error) => error instanceof SubgraphFetchFailure),
    {
      halfOpenAfter: settings.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.breaker.consecutiveFailures),
    },
  );
  breaker.onStateChange((state) => hooks.onBreakerStateChange?.(agency, breakerStates[state]));

  const budget = new RetryBudget({
    ratio: settings.retry.budgetRatio,
    minPerSecond: settings.retry.budgetMinPerSecond,
  });
  // Only failures that say "not reached (yet)" are worth a second try: a timeout has used the time
  // up, and a bad answer or a refusal will most likely be the same again.
  const retries = retry(
    handleWhen(
      (error) => error instanceof SubgraphFetchFailure && error.retryable && budget.canRetry(),
    ),
    {
      maxAttempts: settings.retry.maxAttempts - 1,
      backoff: new ExponentialBackoff({
        initialDelay: settings.retry.initialDelayMs,
        maxDelay: settings.retry.maxDelayMs,
      }),
    },
  );
  retries.onRetry(({ attempt }) => {
    budget.recordRetry();
    hooks.onRetry?.(agency, attempt);
  });
  // Aggressive: the caller gets its answer at the deadline even if a socket ignores the abort.
  // No abort on return: a finished fetch has nothing left to cancel, and aborting builds a
  // DOMException with a stack trace per fetch (visible in the public workload's profile).
  const deadline = timeout(settings.timeoutMs, {
    strategy: TimeoutStrategy.Aggressive,
    abortOnReturn: false,
  });
  const policies: Record<OperationKind, IPolicy> = {
    query: wrap(deadline, retries, breaker),
    mutation: wrap(deadline, breaker),
  };

  return {
    agency,
    settings,
    breakerState: () => breakerStates[breaker.state],
    async execute(kind, attempt) {
      budget.recordRequest();
      try {
        return await policies[kind].execute(({ signal }) => attempt(signal));
      } catch (error) {
        throw classify(error);
      }
    },
  };
}

function classify(error: unknown): unknown {
  if (error instanceof BrokenCircuitError)
    return new SubgraphFetchFailure('circuit-open', 'breaker open', undefined, { cause: error });
  if (error instanceof TaskCancelledError)
    return new SubgraphFetchFailure('timeout', 'no complete answer in time', undefined, {
      cause: error,
    });
  return error;
}

/** Every agency's policy, created on first use and kept for the life of the gateway (and across
 * supergraph reloads), so breaker state is not lost when the schema changes. */
export interface AgencyPolicies {
  get(agency: string): AgencyPolicy;
  /** Breaker state of every agency fetched so far, by name. */
  breakerStates(): Record<string, BreakerState>;
}

export function createAgencyPolicies(
  config: ResilienceConfig,
  defaultTimeoutMs: number,
  hooks: PolicyHooks = {},
): AgencyPolicies {
  const policies = new Map<string, AgencyPolicy>();
  return {
    get(agency) {
      let policy = policies.get(agency);
      if (!policy) {
        policy = createAgencyPolicy(agency, resilienceFor(config, agency, defaultTimeoutMs), hooks);
        policies.set(agency, policy);
      }
      return policy;
    },
    breakerStates: () =>
      Object.fromEntries([...policies].map(([name, p]) => [name, p.breakerState()])),
  };
}
