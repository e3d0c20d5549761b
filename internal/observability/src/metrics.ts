import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds: from a cached field (5 ms) to a fetch at its timeout (10 s). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Distinct operation names tracked per service; more are counted as `(other)`. */
export const MAX_OPERATION_NAMES = 200;

/** One service's Prometheus metrics: its own registry, so several services in one test process never collide. */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** `GET /metrics` in the Prometheus text format. */
  readonly handler: RequestHandler;
  /** Counts and times GraphQL operations by operation name and outcome. */
  readonly plugin: ApolloServerPlugin;
}

/**
 * A registry with the process's default metrics (CPU, memory, event loop lag), labelled with the
 * service name, and GraphQL request metrics:
 * - `graphql_requests_total{operation, outcome}`: outcome `ok`, `partial` (data and errors) or `error`;
 * - `graphql_request_duration_seconds{operation}`.
 * The operation name is the client's (bounded by the operations front ends send; an anonymous one is
 * `(anonymous)`).
 */
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, partial, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response, by operation name.',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  // Operation names come from clients: cap the distinct values a label can take.
  const seen = new Set<string>();
  const operationLabel = (name: string | undefined | null) => {
    if (!name) return '(anonymous)';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return '(other)';
    seen.add(name);
    return name;
  };
  return {
    registry,
    handler: (_req, res, next) => {
      registry.metrics().then((text) => {
        res.setHeader('content-type', registry.contentType);
        res.send(text);
      }, next);
    },
    plugin: {
      async requestDidStart() {
        const stop = duration.startTimer();
        return {
          async willSendResponse({ operationName, response, errors }) {
            const operation = operationLabel(operationName);
            const body = response.body;
            const hasData =
              body.kind === 'single' &&
              body.singleResult.data !== undefined &&
              body.singleResult.data !== null;
            const outcome = !errors?.length ? 'ok' : hasData ? 'partial' : 'error';
            requests.inc({ operation, outcome });
            stop({ operation });
          },
        };
      },
    },
  };
}
