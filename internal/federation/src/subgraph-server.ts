import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import {
  CALLER_HEADER,
  CallerTokenError,
  REQUEST_ID_HEADER,
  type Caller,
} from '@resident-graph/caller';
import {
  createHttpErrorHandler,
  createUnexpectedErrors,
  notFoundHandler,
} from '@resident-graph/errors';
import type { Logger } from '@resident-graph/logging';
import {
  activeTraceId,
  createHealthRoutes,
  createServiceMetrics,
  runInRequestTrace,
  traceRequests,
} from '@resident-graph/observability';
import express, { type RequestHandler } from 'express';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SubgraphServerOptions<Context> {
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  /** Verifies the gateway-signed caller token; throws on a missing or bad one. */
  verifyCaller: (token: string | undefined, requestIdHeader?: string | string[]) => Promise<Caller>;
  /** Builds the per-request context (DataLoaders live here) for a verified caller. */
  createContext: (caller: Caller) => Context;
  /**
   * Checks the subgraph's own dependencies for readiness, e.g. `{ database: 'up' }`; throws (or
   * rejects) when one does not answer, which makes the subgraph not ready. Default: none to check.
   */
  checkDependencies?: () => Promise<Record<string, unknown>>;
  /** On stop, how long in-flight requests may take before their connections close. Default 10000. */
  shutdownGraceMs?: number;
}

export interface SubgraphServer {
  /** Starts listening; resolves to the GraphQL endpoint URL. Port 0 picks a free port. */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The context every resolver gets: the agency's own, plus who is asking and the request's logger. */
type SubgraphContext<Context> = Context & { caller: Caller; requestLogger: Logger };

interface RequestLocals {
  caller: Caller;
  logger: Logger;
}

/**
 * HTTP server for one agency subgraph: `POST /graphql` (only with a valid gateway caller token) and
 * `GET /health`. The caller token is checked before the body is even read, so nobody who goes around
 * the gateway gets anything parsed or executed. Unexpected errors are logged with the request id and
 * masked.
 */
export function createSubgraphServer<Context extends object>(
  options: SubgraphServerOptions<Context>,
): SubgraphServer {
  const { name, schema, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);
  // Idle keep-alive connections stay open longer than a gateway keeps them (ours: at most 60 s),
  // so the gateway closes them first. With Node's default 5 s, a gateway that reuses a connection
  // after a pause can send on one the subgraph is closing: "socket hang up" (seen with a plain
  // @apollo/gateway, whose fetcher ignores the Keep-Alive hint).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const metrics = createServiceMetrics(
    name,
    (context: Partial<{ caller: Caller }>) => context.caller?.requestId,
  );
  // The version of the schema this process serves, for readiness: the sha256 of its printed SDL as
  // `npm run compose` writes it (schema/subgraphs/<name>.graphql), so the two can be compared.
  const schemaHash = createHash('sha256')
    .update(`${printSubgraphSchema(schema).trimEnd()}\n`)
    .digest('hex');
  const unexpectedErrors = createUnexpectedErrors<SubgraphContext<Context>>({
    logger,
    requestOf: ({ caller, requestLogger }) => ({
      logger: requestLogger,
      requestId: caller.requestId,
    }),
  });
  const apollo = new ApolloServer<SubgraphContext<Context>>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: unexpectedErrors.formatError,
    // No Apollo Studio here: inline traces would only add bytes to every subgraph response.
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000,
      }),
      unexpectedErrors.plugin,
      metrics.plugin,
      // An answer with no cache hint says nothing about caching (no Cache-Control), rather than
      // Apollo's default `no-store`: the gateway then assumes what its operator configured for
      // this agency (RESPONSE_CACHE_SUBGRAPH_HINTS), and without that does not cache it anyway.
      ApolloServerPluginCacheControl({ calculateHttpHeaders: 'if-cacheable' }),
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's landing page would load its hosted Sandbox from a CDN; subgraphs serve machines only.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  let started = false;
  let stopping = false;

  const requireGatewayCaller: RequestHandler = (req, res, next) => {
    const header = req.headers[CALLER_HEADER];
    options
      .verifyCaller(Array.isArray(header) ? header[0] : header, req.headers[REQUEST_ID_HEADER])
      .then(
        (caller) => {
          const traceId = activeTraceId();
          const locals: RequestLocals = {
            caller,
            logger: logger.child({ requestId: caller.requestId, ...(traceId ? { traceId } : {}) }),
          };
          Object.assign(res.locals, locals);
          next();
        },
        (error: unknown) => {
          if (!(error instanceof CallerTokenError)) {
            next(error);
            return;
          }
          logger.warn({ reason: error.message }, 'refused request without a valid caller token');
          res.status(401).json({
            errors: [
              {
                message:
                  'This service only answers requests that come through the Resident Graph gateway.',
                extensions: { code: 'UNAUTHENTICATED' },
              },
            ],
          });
        },
      );
  };

  app.use(
    createHealthRoutes(name, async () => {
      let dependencies: Record<string, unknown>;
      let healthy = true;
      try {
        dependencies = (await options.checkDependencies?.()) ?? {};
      } catch (error) {
        healthy = false;
        dependencies = { database: `down: ${(error as Error).message}` };
      }
      return {
        ready: started && !stopping && healthy,
        checks: {
          schema: schemaHash,
          ...dependencies,
          ...(stopping ? { shutdown: 'in progress' } : {}),
        },
      };
    }),
  );
  // Operators' endpoints, like /health: no caller token (keep them off the public network).
  app.get('/metrics', metrics.handler);

  return {
    async listen(port, host = '127.0.0.1') {
      await apollo.start();
      started = true;
      app.use(
        '/graphql',
        // A span per request, child of the gateway's fetch span (traceparent).
        traceRequests((res): Record<string, string> => {
          const requestId = (res.locals as Partial<RequestLocals>).caller?.requestId;
          return requestId ? { 'request.id': requestId } : {};
        }),
        requireGatewayCaller,
        express.json({ limit: '1mb' }),
        (req, res, next) => {
          // One access-log line per request, with the request id and trace id bound to the logger.
          const started = performance.now();
          const body = req.body as { operationName?: unknown } | undefined;
          res.once('finish', () =>
            (res.locals as RequestLocals).logger.info(
              {
                operationName: typeof body?.operationName === 'string' ? body.operationName : null,
                status: res.statusCode,
                durationMs: Math.round(performance.now() - started),
              },
              'graphql request',
            ),
          );
          runInRequestTrace(res, next);
        },
        expressMiddleware(apollo, {
          context: async ({ res }): Promise<SubgraphContext<Context>> => {
            const { caller, logger: requestLogger } = res.locals as RequestLocals;
            return { ...options.createContext(caller), caller, requestLogger };
          },
        }),
      );
      app.use(notFoundHandler);
      app.use(
        createHttpErrorHandler((error, res) =>
          ((res.locals as Partial<RequestLocals>).logger ?? logger).error(
            { err: error },
            'unexpected error outside GraphQL',
          ),
        ),
      );
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, resolve);
      });
      const address = httpServer.address() as AddressInfo;
      const url = `http://${host}:${address.port}/graphql`;
      logger.info({ url }, `${name} subgraph ready`);
      return url;
    },
    async stop() {
      stopping = true;
      if (started) await apollo.stop();
      else if (httpServer.listening) await new Promise((r) => httpServer.close(r));
    },
  };
}
