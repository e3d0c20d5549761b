import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { CALLER_HEADER, CallerTokenError, type Caller } from '@resident-graph/caller';
import { createErrorMasker } from '@resident-graph/errors';
import type { Logger } from '@resident-graph/logging';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SubgraphServerOptions<Context> {
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  /** Verifies the gateway-signed caller token; throws on a missing or bad one. */
  verifyCaller: (token: string | undefined) => Promise<Caller>;
  /** Builds the per-request context (DataLoaders live here) for a verified caller. */
  createContext: (caller: Caller) => Context;
}

export interface SubgraphServer {
  /** Starts listening; resolves to the GraphQL endpoint URL. Port 0 picks a free port. */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * HTTP server for one agency subgraph: `POST /graphql` (only with a valid gateway caller token) and
 * `GET /health`. Unexpected errors are logged with the request id and masked.
 */
export function createSubgraphServer<Context extends object>(
  options: SubgraphServerOptions<Context>,
): SubgraphServer {
  const { name, schema, logger } = options;
  const app = express();
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<Context & { caller?: Caller }>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorMasker((error) => logger.error({ err: error }, 'unexpected error')),
    // No Apollo Studio here: inline traces would only add bytes to every subgraph response.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  let started = false;

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: name });
  });

  return {
    async listen(port, host = '127.0.0.1') {
      await apollo.start();
      started = true;
      app.use(
        '/graphql',
        express.json({ limit: '1mb' }),
        expressMiddleware(apollo, {
          context: async ({ req }) => {
            const header = req.headers[CALLER_HEADER];
            try {
              const caller = await options.verifyCaller(Array.isArray(header) ? header[0] : header);
              return { ...options.createContext(caller), caller };
            } catch (error) {
              if (!(error instanceof CallerTokenError)) throw error;
              logger.warn(
                { reason: error.message },
                'refused request without a valid caller token',
              );
              throw new GraphQLError(
                'This service only answers requests that come through the Resident Graph gateway.',
                { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
              );
            }
          },
        }),
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
      if (started) await apollo.stop();
      else if (httpServer.listening) await new Promise((r) => httpServer.close(r));
    },
  };
}
