import { describe, expect, it } from 'vitest';
import { createAgencyPolicy, type BreakerState } from './agency-policy.js';
import { RetryBudget } from './retry-budget.js';
import { resilienceFor } from './settings.js';
import { SubgraphFetchFailure } from './subgraph-errors.js';

const settings = (overrides: Parameters<typeof resilienceFor>[0][string] = {}) =>
  resilienceFor({ ssa: overrides }, 'ssa');

const refused = () =>
  new SubgraphFetchFailure('unavailable', 'connection refused', undefined, { retryable: true });
const unavailable = () => Promise.reject(refused());
const failureKind = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (error: unknown) => (error instanceof SubgraphFetchFailure ? error.kind : 'other'),
  );

describe('createAgencyPolicy', () => {
  it('retries an unreachable agency for queries, with backoff, up to maxAttempts', async () => {
    let attempts = 0;
    const policy = createAgencyPolicy(
      'ssa',
      settings({ retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 } }),
    );
    const result = await policy.execute('query', async () => {
      attempts += 1;
      if (attempts < 3) throw refused();
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(attempts).toBe(3);
  });

  it('never retries a mutation', async () => {
    let attempts = 0;
    const policy = createAgencyPolicy('ssa', settings({ retry: { initialDelayMs: 1 } }));
    const kind = await failureKind(
      policy.execute('mutation', () => {
        attempts += 1;
        return unavailable();
      }),
    );
    expect(kind).toBe('unavailable');
    expect(attempts).toBe(1);
  });

  it('does not retry a bad answer or a timeout', async () => {
    let attempts = 0;
    const policy = createAgencyPolicy('ssa', settings({ retry: { initialDelayMs: 1 } }));
    await policy
      .execute('query', () => {
        attempts += 1;
        return Promise.reject(new SubgraphFetchFailure('bad-response', 'HTTP 500'));
      })
      .catch(() => undefined);
    expect(attempts).toBe(1);
  });

  it('answers timeout at the deadline even when the attempt never settles', async () => {
    const policy = createAgencyPolicy('ssa', settings({ timeoutMs: 50 }));
    let aborted = false;
    const kind = await failureKind(
      policy.execute('query', (signal) => {
        signal.addEventListener('abort', () => (aborted = true));
        return new Promise(() => undefined);
      }),
    );
    expect(kind).toBe('timeout');
    expect(aborted).toBe(true);
  });

  it('opens after consecutive failures, answers circuit-open without calling, then closes after a good probe', async () => {
    const states: BreakerState[] = [];
    const policy = createAgencyPolicy(
      'ssa',
      settings({
        retry: { maxAttempts: 1 },
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 50 },
      }),
      { onBreakerStateChange: (_agency, state) => states.push(state) },
    );
    await failureKind(policy.execute('query', unavailable));
    expect(policy.breakerState()).toBe('closed');
    await failureKind(policy.execute('query', unavailable));
    expect(policy.breakerState()).toBe('open');

    let called = false;
    const kind = await failureKind(
      policy.execute('query', async () => {
        called = true;
        return 'ok';
      }),
    );
    expect(kind).toBe('circuit-open');
    expect(called).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, 80));
    await expect(policy.execute('query', async () => 'ok')).resolves.toBe('ok');
    expect(policy.breakerState()).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('passes through errors that are not fetch failures (bugs) unchanged', async () => {
    const policy = createAgencyPolicy('ssa', settings());
    const bug = new TypeError('oops');
    await expect(policy.execute('query', () => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe('RetryBudget', () => {
  it('allows the floor, then a ratio of requests, within the window', () => {
    let now = 0;
    const budget = new RetryBudget({
      ratio: 0.5,
      minPerSecond: 0.1,
      windowMs: 10_000,
      now: () => now,
    });
    // Floor: 0.1/s over 10 s = 1 retry.
    expect(budget.canRetry()).toBe(true);
    budget.recordRetry();
    expect(budget.canRetry()).toBe(false);
    for (let i = 0; i < 4; i++) budget.recordRequest();
    expect(budget.canRetry()).toBe(true); // 1 < 4 × 0.5
    budget.recordRetry();
    expect(budget.canRetry()).toBe(false); // 2 = 4 × 0.5
    now += 11_000; // the window has moved past all of it
    expect(budget.canRetry()).toBe(true);
  });
});
