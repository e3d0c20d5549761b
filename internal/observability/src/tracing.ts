import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { RequestHandler, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';

const tracer = trace.getTracer('resident-graph');

export interface TracingOptions {
  /** `service.name` on every span. */
  service: string;
  /** OTLP/HTTP base URL, e.g. http://otel-collector:4318 (spans go to `<url>/v1/traces`). */
  otlpEndpoint: string;
}

/**
 * Switches tracing on for this process: spans (ours, and Apollo Gateway's own) are batched and
 * exported over OTLP/HTTP, and W3C trace context (`traceparent`) is read from requests and written
 * to outgoing ones. Without it every tracing call here is a cheap no-op. Call once, before serving.
 *
 * The SDK and its exporter are loaded here, not at import: a process that traces nothing does not
 * carry them (about 7 MB of heap in every service, docs/performance.md).
 */
export async function startTracing(
  options: TracingOptions,
): Promise<{ shutdown(): Promise<void> }> {
  const [{ OTLPTraceExporter }, { Resource }, { BatchSpanProcessor }, { NodeTracerProvider }] =
    await Promise.all([
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/sdk-trace-node'),
    ]);
  const provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': options.service }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }),
        // Export within a second: traces are for following requests while they happen.
        { scheduledDelayMillis: 500 },
      ),
    ],
  });
  // Registers the AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  return { shutdown: () => provider.shutdown() };
}

/** The trace id of the active span, for log lines; undefined when tracing is off. */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** Writes the active trace context into outgoing request headers (`traceparent`, `tracestate`). */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  propagation.inject(context.active(), headers, {
    set: (carrier, key, value) => carrier.set(key, value),
  });
}

const SPAN_CONTEXT = Symbol('trace context');

/**
 * Starts the SERVER span of one request to `route` (child of the caller's `traceparent` when there
 * is one), ended when the response finishes, with `attributes()` added then. Returns the context to
 * run the request in (`context.with`): Node's own HTTP objects, for servers without Express.
 */
export function startServerSpan(
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  attributes: () => Record<string, string>,
): Context {
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer.startSpan(
    `${req.method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.method': req.method ?? '', 'http.target': route },
    },
    parent,
  );
  res.once('finish', () => {
    span.setAttributes({ 'http.status_code': res.statusCode, ...attributes() });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return trace.setSpan(parent, span);
}

/** Runs `work` in the given request context (from {@link startServerSpan}). */
export function runInContext(active: Context, work: () => void): void {
  context.with(active, work);
}

/**
 * Express middleware: a SERVER span per request ({@link startServerSpan}), active for the rest of
 * the request. Stream callbacks (body parsing) lose the active context, so later middleware
 * re-enter it with {@link runInRequestTrace}.
 */
export function traceRequests(
  attributes: (res: Response) => Record<string, string>,
): RequestHandler {
  return (req, res, next) => {
    const active = startServerSpan(req, res, `${req.baseUrl}${req.path}`, () => attributes(res));
    (res.locals as Record<symbol, Context>)[SPAN_CONTEXT] = active;
    context.with(active, next);
  };
}

/** Runs `next` with the request's span active again (after body parsing). */
export function runInRequestTrace(res: Response, next: () => void): void {
  const active = (res.locals as Record<symbol, Context | undefined>)[SPAN_CONTEXT];
  if (active) context.with(active, next);
  else next();
}

/** Sets attributes on the active span (the request's, or Apollo's), e.g. the operation name. */
export function annotateActiveSpan(attributes: Record<string, string>): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}

/**
 * Runs `work` inside a span named `name` (a child of the active one, active for `work`), ended
 * when `work` settles and marked as an error if it rejects. When tracing is off this is a no-op
 * span, so hot paths may use it.
 */
export async function inSpan<T>(
  name: string,
  attributes: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Records a database statement that just finished as a CLIENT span under the active one: the
 * store's query log tells us the duration after the fact, so the span is back-dated.
 */
export function recordDatabaseSpan(
  statement: string,
  durationMs: number,
  failed: boolean,
  system: 'sqlite' | 'postgresql' = 'sqlite',
): void {
  const parent = trace.getActiveSpan();
  if (!parent) return;
  const end = Date.now();
  const span: Span = tracer.startSpan(
    'db.query',
    {
      kind: SpanKind.CLIENT,
      startTime: end - durationMs,
      attributes: { 'db.system': system, 'db.statement': statement.slice(0, 500) },
    },
    context.active(),
  );
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(end);
}
