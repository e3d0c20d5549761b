import { z } from '@resident-graph/config';

/** How the gateway treats one agency's subgraph; every field has a production default. */
export const agencyResilienceSchema = z
  .object({
    /** Total time for one subgraph fetch, retries included, in milliseconds (default 10000). */
    timeoutMs: z.number().int().positive().default(10_000),
    retry: z
      .object({
        /** Attempts per query fetch, the first included; 1 = never retry (default 3). */
        maxAttempts: z.number().int().min(1).max(10).default(3),
        /** First backoff delay in ms; later ones grow exponentially with jitter (default 50). */
        initialDelayMs: z.number().int().min(0).default(50),
        /** Longest backoff delay in ms (default 1000). */
        maxDelayMs: z.number().int().min(0).default(1_000),
        /** Retries as a fraction of requests over 10 s (default 0.2). */
        budgetRatio: z.number().min(0).max(1).default(0.2),
        /** Retries always allowed per second (default 5). */
        budgetMinPerSecond: z.number().min(0).default(5),
      })
      .strict()
      .prefault({}),
    breaker: z
      .object({
        /** Consecutive failed attempts (each retry counts) that open the breaker (default 5). */
        consecutiveFailures: z.number().int().min(1).default(5),
        /** How long the breaker stays open before one probe fetch may go through, in ms (default 5000). */
        halfOpenAfterMs: z.number().int().positive().default(5_000),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type AgencyResilience = z.infer<typeof agencyResilienceSchema>;

/** A partial setting as written in config: any field may be left out. */
export type AgencyResilienceInput = z.input<typeof agencyResilienceSchema>;

/**
 * `SUBGRAPH_RESILIENCE`: `{ "*": {...}, "<subgraph>": {...} }`. `"*"` applies to every subgraph;
 * a subgraph's own entry overrides it field by field. No defaults here: they apply once, last.
 */
export const resilienceConfigSchema = z.record(
  z.string().min(1),
  z
    .object({
      timeoutMs: z.number().int().positive().optional(),
      retry: z
        .object({
          maxAttempts: z.number().int().min(1).max(10).optional(),
          initialDelayMs: z.number().int().min(0).optional(),
          maxDelayMs: z.number().int().min(0).optional(),
          budgetRatio: z.number().min(0).max(1).optional(),
          budgetMinPerSecond: z.number().min(0).optional(),
        })
        .strict()
        .optional(),
      breaker: z
        .object({
          consecutiveFailures: z.number().int().min(1).optional(),
          halfOpenAfterMs: z.number().int().positive().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
);

export type ResilienceConfig = z.infer<typeof resilienceConfigSchema>;

/** The settings for `subgraph`: defaults, then `"*"`, then the subgraph's own entry. */
export function resilienceFor(
  config: ResilienceConfig,
  subgraph: string,
  defaultTimeoutMs = 10_000,
): AgencyResilience {
  const all = config['*'] ?? {};
  const own = config[subgraph] ?? {};
  return agencyResilienceSchema.parse({
    timeoutMs: own.timeoutMs ?? all.timeoutMs ?? defaultTimeoutMs,
    retry: { ...all.retry, ...own.retry },
    breaker: { ...all.breaker, ...own.breaker },
  });
}
