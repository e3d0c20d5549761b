/** Options of a {@link RetryBudget}. */
export interface RetryBudgetOptions {
  /** Retries allowed as a fraction of requests in the window (default 0.2: at most one in five). */
  ratio?: number;
  /** Retries always allowed per second, so a quiet gateway can still retry (default 5). */
  minPerSecond?: number;
  /** Length of the sliding window in milliseconds (default 10000). */
  windowMs?: number;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
}

/**
 * A retry budget (as in Finagle and Envoy): retries may add at most `ratio` extra load on top of
 * the requests an agency already gets, plus a small floor. Per-call attempt limits alone let a
 * struggling agency receive maxAttempts times its normal traffic exactly when it can least take it;
 * a budget caps that amplification. cockatiel has no budget of its own, so this small counter
 * decides whether its retry policy may retry.
 */
export class RetryBudget {
  private readonly ratio: number;
  private readonly minPerSecond: number;
  private readonly bucketMs: number;
  private readonly now: () => number;
  /** One bucket per tenth of the window: [bucket start, requests, retries]. */
  private readonly buckets: [number, number, number][] = [];

  constructor(options: RetryBudgetOptions = {}) {
    this.ratio = options.ratio ?? 0.2;
    this.minPerSecond = options.minPerSecond ?? 5;
    this.bucketMs = (options.windowMs ?? 10_000) / 10;
    this.now = options.now ?? Date.now;
  }

  /** Counts one request (a first attempt). */
  recordRequest(): void {
    this.current()[1] += 1;
  }

  /** Counts one retry; call only after {@link canRetry} said yes. */
  recordRetry(): void {
    this.current()[2] += 1;
  }

  /** Whether one more retry stays within the budget. */
  canRetry(): boolean {
    this.prune();
    let requests = 0;
    let retries = 0;
    for (const [, req, ret] of this.buckets) {
      requests += req;
      retries += ret;
    }
    const floor = (this.minPerSecond * this.bucketMs * 10) / 1000;
    return retries < Math.max(floor, requests * this.ratio);
  }

  private current(): [number, number, number] {
    this.prune();
    const start = Math.floor(this.now() / this.bucketMs) * this.bucketMs;
    const last = this.buckets.at(-1);
    if (last && last[0] === start) return last;
    const bucket: [number, number, number] = [start, 0, 0];
    this.buckets.push(bucket);
    return bucket;
  }

  private prune(): void {
    const oldest = this.now() - this.bucketMs * 10;
    while (this.buckets.length > 0 && this.buckets[0]![0] <= oldest) this.buckets.shift();
  }
}
