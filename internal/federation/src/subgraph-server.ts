import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Caller } from '@resident-graph/caller';
import {
  createHttpErrorHandler,
  createUnexpectedErrors,
  notFoundHandler,
} from '@resident-graph/errors';
import type { Logger } from '@resident-graph/logging';
import { createHealthRoutes, createServiceMetrics } from '@resident-graph/observability';
import express from 'express';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GRAPHQL_PATH, isGraphQLPath } from '@resident-graph/graphql-http';
import { createGraphQLEndpoint, type SubgraphContext } from './graphql-endpoint.js';

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

/**
 * HTTP server for one agency subgraph: `POST /graphql` (only with a valid gateway caller token,
 * `createGraphQLEndpoint`), and for operators `GET /health/*` and `GET /metrics` (Express).
 * Unexpected errors are logged with the request id and masked.
 */
export function createSubgraphServer<Context extends object>(
  options: SubgraphServerOptions<Context>,
): SubgraphServer {
  const { name, schema, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  // GraphQL is served on Node's own objects (set at listen); everything else by Express.
  let graphql: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const httpServer: Server = createServer((req, res) => {
    if (graphql && isGraphQLPath(req.url)) graphql(req, res);
    else void app(req, res);
  });
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
      graphql = createGraphQLEndpoint({
        apollo,
        logger,
        verifyCaller: options.verifyCaller,
        createContext: options.createContext,
      });
      app.use(notFoundHandler);
      app.use(
        createHttpErrorHandler((error) =>
          logger.error({ err: error }, 'unexpected error outside GraphQL'),
        ),
      );
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, resolve);
      });
      const address = httpServer.address() as AddressInfo;
      const url = `http://${host}:${address.port}${GRAPHQL_PATH}`;
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
