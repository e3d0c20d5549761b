import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { SigningKey } from '@resident-graph/caller';
import { createErrorMasker, createHttpErrorHandler, notFoundHandler } from '@resident-graph/errors';
import type { Logger } from '@resident-graph/logging';
import express from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessTokenVerifier } from './auth/access-token.js';
import type { GatewayContext } from './context.js';
import { CallerTokenDataSource } from './data-source.js';
import { createPlaygroundRouter, type PlaygroundOptions } from './playground/index.js';
import { createRequestLogPlugin } from './plugins/request-log.js';
import { REQUEST_ID_RESPONSE_HEADER, requestIdFrom } from './request-id.js';
import { supergraphSubgraphs } from './supergraph.js';

export interface GatewayDeps {
  /** The composed supergraph (schema/supergraph.graphql, or any valid Federation 2 supergraph). */
  supergraphSdl: string;
  /** Subgraph URLs by subgraph name, replacing the ones recorded in the supergraph. Default none. */
  subgraphUrls?: Readonly<Record<string, string>>;
  /** Turns the client's Authorization header into a Caller; never throws for a bad token. */
  verifyAccessToken: AccessTokenVerifier;
  /** Signs the per-subgraph caller tokens; subgraphs trust its public JWKS. */
  callerSigningKey: SigningKey;
  logger: Logger;
  /** How long to wait for one subgraph request, in milliseconds. Default 10000. */
  subgraphTimeoutMs?: number;
  /** The browser IDE at GET /graphql (see ./playground). Default none: browsers get no page. */
  playground?: PlaygroundOptions;
}

export interface Gateway {
  /** Loads the supergraph and starts listening; resolves to the `/graphql` URL. Port 0 = any free port. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting requests, lets in-flight ones finish, and stops the gateway. */
  stop(): Promise<void>;
}

/** Path of the caller-token public keys, for subgraph operators who configure what to trust. */
export const CALLER_JWKS_PATH = '/.well-known/caller-jwks.json';

/**
 * The Resident Graph gateway: `POST /graphql` (federated over the supergraph's subgraphs), `GET
 * /health` and `GET /.well-known/caller-jwks.json`. The client's access token stops here; each
 * subgraph receives only a short-lived caller token signed for it (see docs/adr/0002-caller-identity.md).
 */
export function createGateway(deps: GatewayDeps): Gateway {
  const { logger, callerSigningKey } = deps;
  checkSubgraphUrlOverrides(deps.supergraphSdl, deps.subgraphUrls ?? {});

  // The request's logger (with its id) for code Apollo calls without a context, such as formatError.
  const requestLocalsStore = new AsyncLocalStorage<RequestLocals>();
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);

  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    logger: logger.child({ component: 'apollo-gateway' }),
    buildService: ({ name, url }) => {
      const target = deps.subgraphUrls?.[name] ?? url;
      if (!target)
        throw new Error(
          `subgraph "${name}" has no URL in the supergraph; give it one in SUBGRAPH_URLS`,
        );
      return new CallerTokenDataSource({
        name,
        url: target,
        signingKey: callerSigningKey,
        logger,
        ...(deps.subgraphTimeoutMs !== undefined ? { timeoutMs: deps.subgraphTimeoutMs } : {}),
      });
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // The schema is public documentation of the API; there is nothing secret in it.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorMasker((error) => {
      const request = requestLocalsStore.getStore();
      (request?.logger ?? logger).error({ err: error }, 'unexpected error');
      return request?.requestId;
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The default landing page loads Apollo's hosted Sandbox from a CDN; this service contacts no one.
      ApolloServerPluginLandingPageDisabled(),
      createRequestLogPlugin(),
    ],
  });
  let started = false;

  app.use((req, res, next) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_RESPONSE_HEADER]);
    const locals: RequestLocals = { requestId, logger: logger.child({ requestId }) };
    Object.assign(res.locals, locals);
    res.setHeader(REQUEST_ID_RESPONSE_HEADER, requestId);
    next();
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get(CALLER_JWKS_PATH, (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=300');
    res.json(callerSigningKey.jwks);
  });
  // Before GraphQL: answers only browsers' GETs of /graphql and its own /ide/ paths.
  if (deps.playground) app.use(createPlaygroundRouter(deps.playground));

  return {
    async listen(port, host = '127.0.0.1') {
      await apollo.start();
      started = true;
      app.use(
        '/graphql',
        express.json({ limit: '1mb' }),
        (_req, res, next) => {
          // After body parsing: its stream callbacks would not carry the store along.
          requestLocalsStore.run(requestLocals(res.locals), next);
        },
        expressMiddleware(apollo, {
          context: async ({ req, res }): Promise<GatewayContext> => {
            const { requestId, logger: log } = requestLocals(res.locals);
            const caller = await deps.verifyAccessToken(req.headers.authorization, requestId);
            return { caller, requestId, logger: log, callerTokens: new Map() };
          },
        }),
      );
      app.use(notFoundHandler);
      app.use(
        createHttpErrorHandler((error, res) =>
          requestLocals(res.locals).logger.error(
            { err: error },
            'unexpected error outside GraphQL',
          ),
        ),
      );
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const address = httpServer.address() as AddressInfo;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/graphql`;
      logger.info({ url }, 'gateway ready');
      return url;
    },
    async stop() {
      if (started) await apollo.stop();
      else if (httpServer.listening) await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}

/** What the first middleware puts on `res.locals` for everything after it. */
interface RequestLocals {
  requestId: string;
  /** The gateway logger with `requestId` bound. */
  logger: Logger;
}

const requestLocals = (locals: Record<string, unknown>) => locals as unknown as RequestLocals;

function checkSubgraphUrlOverrides(
  supergraphSdl: string,
  overrides: Readonly<Record<string, string>>,
): void {
  const known = supergraphSubgraphs(supergraphSdl).map((s) => s.name);
  const unknown = Object.keys(overrides).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `subgraph URL overrides name subgraphs the supergraph does not have: ${unknown.join(', ')} ` +
        `(it has: ${known.join(', ') || 'none'})`,
    );
  }
}
