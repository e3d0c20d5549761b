import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import {
  collectDefaultMetrics,
  Counter,
  Histogram,
  Registry,
  type OpenMetricsContentType,
} from 'prom-client';
import { activeTraceId } from './tracing.js';

/** Latency buckets in seconds: from a cached field (5 ms) to a fetch at its timeout (10 s). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Distinct operation names tracked per service; more are counted as `(other)`. */
export const MAX_OPERATION_NAMES = 200;

/** One service's Prometheus metrics: its own registry, so several services in one test process never collide. */
export interface ServiceMetrics {
  readonly registry: Registry<OpenMetricsContentType>;
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
export function createServiceMetrics(
  service: string,
  /** The request id of a request's context, for exemplars. */
  requestIdOf: (contextValue: never) => string | undefined = () => undefined,
): ServiceMetrics {
  // OpenMetrics, so latency samples carry exemplars: the trace id and request id of a request that
  // took that long, linking a slow bucket to its trace and log lines.
  const registry = new Registry<OpenMetricsContentType>();
  registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
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
    enableExemplars: true,
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
      async requestDidStart({ contextValue }) {
        const started = performance.now();
        const traceId = activeTraceId();
        const requestId = requestIdOf(contextValue as never);
        const exemplarLabels = {
          ...(traceId ? { trace_id: traceId } : {}),
          ...(requestId ? { request_id: requestId } : {}),
        };
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
            duration.observe({
              labels: { operation },
              value: (performance.now() - started) / 1000,
              // prom-client types exemplar labels as the metric's own label names; any are allowed.
              exemplarLabels: exemplarLabels as Record<string, string>,
            });
          },
        };
      },
    },
  };
}
