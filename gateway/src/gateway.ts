import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { ClientRegistry } from '@resident-graph/authorization';
import type { SigningKey } from '@resident-graph/caller';
import {
  createHttpErrorHandler,
  createUnexpectedErrors,
  notFoundHandler,
} from '@resident-graph/errors';
import type { Logger } from '@resident-graph/logging';
import {
  activeTraceId,
  createHealthRoutes,
  runInRequestTrace,
  traceRequests,
} from '@resident-graph/observability';
import express from 'express';
import { isGraphQLPath } from '@resident-graph/graphql-http';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessTokenVerifier } from './auth/access-token.js';
import { createCallerTokens } from './auth/caller-tokens.js';
import { createAuthorizingGateway } from './authorization/authorizing-gateway.js';
import type { GatewayContext } from './context.js';
import { CallerTokenDataSource, DEFAULT_SUBGRAPH_TIMEOUT_MS } from './data-source.js';
import { createGatewayMetrics } from './metrics.js';
import { PlanExecutingGateway } from './execution/plan-executing-gateway.js';
import { createPlaygroundRouter, type PlaygroundOptions } from './playground/index.js';
import { createIdentityRecords } from './privacy/identity-records.js';
import { createReleaseControl } from './privacy/release-control.js';
import { createGraphQLEndpoint } from './graphql-endpoint.js';
import { createFailedFetchPathsPlugin } from './plugins/failed-fetch-paths.js';
import { createRequestLogPlugin } from './plugins/request-log.js';
import { armorProtection } from './protection/armor.js';
import { costLimitPlugin } from './protection/cost-limit.js';
import { DEFAULT_LIMITS, type OperationLimits } from './protection/limits.js';
import type { PersistedOperations } from './protection/persisted-operations.js';
import { maxRootFieldsRule } from './protection/root-fields-rule.js';
import { variablesGuard } from './protection/variables-guard.js';
import { REQUEST_ID_RESPONSE_HEADER, requestIdFrom } from './request-id.js';
import { createAgencyPolicies } from './resilience/agency-policy.js';
import type { ResilienceConfig } from './resilience/settings.js';
import { rateLimitPlugin, type RateLimits } from './protection/rate-limit.js';
import { createResponseCache } from './response-cache/response-cache.js';
import { cacheHintFor, type SubgraphCacheHints } from './response-cache/cache-hints.js';
import { createInProcessTier } from './shared-tier/in-process-tier.js';
import { tierKeys, type SharedTier, type TierErrorObserver } from './shared-tier/shared-tier.js';
import { tierKeyValueCache } from './shared-tier/tier-key-value-cache.js';
import { supergraphSubgraphs } from './supergraph.js';
import { createSupergraphSource } from './supergraph-source.js';

export interface GatewayDeps {
  /** The composed supergraph (schema/supergraph.graphql, or any valid Federation 2 supergraph). */
  supergraphSdl: string;
  /** Subgraph URLs by subgraph name, replacing the ones recorded in the supergraph. Default none. */
  subgraphUrls?: Readonly<Record<string, string>>;
  /** Turns the client's Authorization header into a Caller; never throws for a bad token. */
  verifyAccessToken: AccessTokenVerifier;
  /** The client applications allowed in, and the most scopes each may hold. */
  clients: ClientRegistry;
  /**
   * Answer `Apollo-Query-Plan-Experimental` requests with the query plan (subgraph names, internal
   * fields). Default false: `@apollo/gateway` would otherwise show it whenever NODE_ENV is not
   * `production`. For operators debugging a plan, never for clients.
   */
  exposeQueryPlans?: boolean;
  /** Signs the per-subgraph caller tokens; subgraphs trust its public JWKS. */
  callerSigningKey: SigningKey;
  logger: Logger;
  /** How long to wait for one subgraph request, in milliseconds. Default 10000. */
  subgraphTimeoutMs?: number;
  /** Limits on what one request may ask. Default DEFAULT_LIMITS. */
  limits?: OperationLimits;
  /** Answer introspection queries. Default true (false is the production default in config). */
  introspection?: boolean;
  /** Leave field names out of error messages ("Did you mean…"). Default false. */
  hideSchemaDetails?: boolean;
  /** When given, only these operations run (persisted operations mode). Default none: any may. */
  persistedOperations?: PersistedOperations;
  /** Per-agency timeout, retry and breaker settings (`"*"` for all). Default: built-in defaults. */
  resilience?: ResilienceConfig;
  /** Re-read the supergraph from this file and serve a valid new version. Default: no reloading. */
  supergraphWatch?: { path: string; intervalMs: number };
  /** On stop, how long in-flight requests may take before their connections are closed. Default 10000. */
  shutdownGraceMs?: number;
  /** The browser IDE at GET /graphql (see ./playground). Default none: browsers get no page. */
  playground?: PlaygroundOptions;
  /**
   * Where identity's consent decisions and disclosure log are asked (its `/graphql`). Default the
   * identity subgraph's URL (SUBGRAPH_URLS or the supergraph's). Without one, no third-party or
   * staff request is served (fail-closed); residents' own reads are unaffected.
   */
  identityRecordsUrl?: string;
  /** How long one call to identity's records may take, in milliseconds. Default 2000. */
  identityRecordsTimeoutMs?: number;
  /**
   * Makes the shared tier (Redis, see ./shared-tier), telling it where to report failed operations.
   * The gateway closes it on stop. Default: an in-process tier.
   */
  sharedTier?: (onError: TierErrorObserver) => SharedTier;
  /** First part of every shared-tier key. Default resident-graph. */
  sharedTierKeyPrefix?: string;
  /** How long an automatic persisted query is remembered, in seconds. Default 86400. */
  apqTtlSeconds?: number;
  /** Requests per sliding window per client and per resident. Default none: no limits. */
  rateLimits?: RateLimits;
  /**
   * The response cache (see ./response-cache): false turns it off; `subgraphHints` is the cache
   * hint assumed for a subgraph that sends no Cache-Control. Default on, with no assumed hints.
   */
  responseCache?: false | { subgraphHints?: SubgraphCacheHints };
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
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const armor = armorProtection(limits);
  checkSubgraphOverrides(deps.supergraphSdl, {
    SUBGRAPH_URLS: Object.keys(deps.subgraphUrls ?? {}),
    SUBGRAPH_RESILIENCE: Object.keys(deps.resilience ?? {}).filter((name) => name !== '*'),
  });
  const metrics = createGatewayMetrics();
  const supergraph = createSupergraphSource({
    text: deps.supergraphSdl,
    ...(deps.supergraphWatch ? { watch: deps.supergraphWatch } : {}),
    logger,
    onReload: metrics.reloadAttempted,
  });
  metrics.supergraphLoaded(supergraph.initial.hash);
  let lastTierWarning = 0;
  const sharedTier = (deps.sharedTier ?? (() => createInProcessTier()))((operation, error) => {
    metrics.tierError(operation, error);
    // Not once per request during an outage: the metric counts them all.
    if (Date.now() - lastTierWarning < 30_000) return;
    lastTierWarning = Date.now();
    logger.warn({ err: error, operation }, 'shared tier unavailable; answering without it');
  });
  // Read at each use: after a supergraph reload, cached answers and persisted queries start afresh.
  const keys = tierKeys(
    deps.sharedTierKeyPrefix ?? 'resident-graph',
    'gateway',
    () => supergraph.status().hash,
  );
  const subgraphHints = deps.responseCache ? deps.responseCache.subgraphHints : undefined;
  const responseCache =
    deps.responseCache === false
      ? null
      : createResponseCache({
          tier: sharedTier,
          keys,
          clients: deps.clients,
          logger,
          onLookup: (result) => metrics.cacheLookup('response', result),
        });
  const policies = createAgencyPolicies(
    deps.resilience ?? {},
    deps.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS,
    {
      ...metrics.policyHooks,
      onBreakerStateChange(agency, state) {
        metrics.policyHooks.onBreakerStateChange(agency, state);
        logger[state === 'closed' ? 'info' : 'warn'](
          { agency, breaker: state },
          `${agency} circuit breaker ${state}`,
        );
      },
    },
  );

  // One for every subgraph fetch: tokens are reused per (caller, subgraph) across requests.
  const callerTokens = createCallerTokens(callerSigningKey);

  const unexpectedErrors = createUnexpectedErrors<GatewayContext>({
    logger,
    requestOf: (context) => context,
  });
  const app = express();
  app.disable('x-powered-by');
  // No ETag: Express would hash every GraphQL answer (SHA-1 over up to megabytes, per request) for
  // a conditional GET that POSTed GraphQL never makes. The IDE's static files keep theirs.
  app.set('etag', false);
  // Clients' `POST /graphql` is served on Node's own objects (set at listen, ADR 0019); everything
  // else (browsers' GETs for the Playground, health, metrics, keys) by Express.
  let graphql: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const httpServer: Server = createServer((req, res) => {
    if (graphql && req.method === 'POST' && isGraphQLPath(req.url)) graphql(req, res);
    else void app(req, res);
  });

  // Apollo's planner and data sources; its plan executor replaced by ours (./execution).
  const apolloGateway = new PlanExecutingGateway({
    // First load and every reload go through the supergraph source (supergraph-source.ts).
    supergraphSdl: supergraph.hook,
    // Refuse an invalid supergraph in production too (Apollo skips the check when NODE_ENV=production).
    validateSupergraph: true,
    __exposeQueryPlanExperimental: deps.exposeQueryPlans ?? false,
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
        callerTokens,
        logger,
        policy: policies.get(name),
        observeFetch: metrics.observeFetch,
        observeDeduplicated: metrics.fetchDeduplicated,
        defaultCacheHint: subgraphHints && cacheHintFor(subgraphHints, name),
      });
    },
  });
  const identityRecordsUrl =
    deps.identityRecordsUrl ??
    deps.subgraphUrls?.['identity'] ??
    supergraphSubgraphs(deps.supergraphSdl).find((s) => s.name === 'identity')?.url;
  const gateway = createAuthorizingGateway({
    inner: apolloGateway,
    rulesFor: (sdl) => supergraph.rulesFor(sdl),
    releases: createReleaseControl({
      clients: deps.clients,
      identity: createIdentityRecords({
        // An unreachable address when there is none: every release then fails closed.
        url: identityRecordsUrl || 'http://127.0.0.1:9/graphql',
        callerTokens,
        timeoutMs: deps.identityRecordsTimeoutMs ?? 2_000,
      }),
    }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // In development the schema is the API's documentation; production turns it off unless enabled.
    introspection: deps.introspection ?? true,
    hideSchemaDetailsFromClientErrors: deps.hideSchemaDetails ?? false,
    includeStacktraceInErrorResponses: false,
    // Compact JSON: Apollo Server pretty-prints by default, a measurable cost on large answers.
    stringifyResult: (result) => JSON.stringify(result),
    // One operation per request: a batch would multiply every limit below by its length.
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [...armor.validationRules, maxRootFieldsRule(limits.maxRootFields)],
    // Safelist mode keeps its manifest; otherwise automatic persisted queries live in the shared
    // tier, so a hash registered through one replica works on every other.
    persistedQueries: deps.persistedOperations
      ? { cache: deps.persistedOperations.cache }
      : {
          cache: tierKeyValueCache(
            sharedTier,
            (key) => keys.versioned(key),
            deps.apqTtlSeconds ?? 86_400,
            (result) => metrics.cacheLookup('apq', result),
          ),
          ttl: deps.apqTtlSeconds ?? 86_400,
        },
    // Masks; logs each unexpected error with its request's logger (createUnexpectedErrors).
    formatError: unexpectedErrors.formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: deps.shutdownGraceMs ?? 10_000,
      }),
      // The default landing page loads Apollo's hosted Sandbox from a CDN; this service contacts no one.
      ApolloServerPluginLandingPageDisabled(),
      unexpectedErrors.plugin,
      createFailedFetchPathsPlugin(),
      createRequestLogPlugin(),
      metrics.plugin,
      ...armor.plugins,
      costLimitPlugin(limits.maxCost, limits.assumedListSize),
      ...(deps.persistedOperations ? [deps.persistedOperations.plugin] : []),
      ...(deps.rateLimits
        ? [rateLimitPlugin(deps.rateLimits, sharedTier, keys, metrics.rateLimited)]
        : []),
      ...(responseCache ?? []),
    ],
  });
  let started = false;
  let stopping = false;
  const contextFor = async (
    req: IncomingMessage,
    requestId: string,
    log: Logger,
  ): Promise<GatewayContext> => {
    const caller = deps.clients.restrict(
      await deps.verifyAccessToken(req.headers.authorization, requestId),
    );
    return { caller, requestId, logger: log, callerTokens: new Map(), disclosed: false };
  };

  // A span per request (child of the client's traceparent), so its trace id is on every log line.
  app.use(traceRequests((res) => ({ 'request.id': requestLocals(res.locals).requestId })));
  app.use((req, res, next) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_RESPONSE_HEADER]);
    const traceId = activeTraceId();
    const locals: RequestLocals = {
      requestId,
      logger: logger.child({ requestId, ...(traceId ? { traceId } : {}) }),
    };
    Object.assign(res.locals, locals);
    res.setHeader(REQUEST_ID_RESPONSE_HEADER, requestId);
    next();
  });
  app.use(
    createHealthRoutes('gateway', async () => {
      const status = supergraph.status();
      return {
        ready: started && !stopping,
        checks: {
          supergraph: status,
          database: 'not configured',
          // Redis being down is not an outage (the gateway answers without it): shown, not failed.
          redis: sharedTierReadiness(sharedTier),
          breakers: Object.fromEntries(
            status.subgraphs.map((name) => [name, policies.get(name).breakerState()]),
          ),
          ...(stopping ? { shutdown: 'in progress' } : {}),
        },
      };
    }),
  );
  app.get('/metrics', metrics.handler);
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
        express.json({ limit: limits.maxBodyBytes }),
        variablesGuard(limits.maxVariableDepth),
        (_req, res, next) => {
          // After body parsing: its stream callbacks would not carry the trace context along.
          runInRequestTrace(res, next);
        },
        expressMiddleware(apollo, {
          context: ({ req, res }) => {
            const { requestId, logger: log } = requestLocals(res.locals);
            return contextFor(req, requestId, log);
          },
        }),
      );
      graphql = createGraphQLEndpoint({
        apollo,
        logger,
        maxBodyBytes: limits.maxBodyBytes,
        maxVariableDepth: limits.maxVariableDepth,
        contextFor,
      });
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
      // Readiness turns 503 at once, so a load balancer stops sending while in-flight requests finish.
      stopping = true;
      if (started) await apollo.stop();
      else if (httpServer.listening) await new Promise((resolve) => httpServer.close(resolve));
      await sharedTier.close();
    },
  };
}

function sharedTierReadiness(tier: SharedTier) {
  const { kind, state } = tier.status();
  // Unchanged from before the tier existed, for probes that read it: no Redis, the in-process tier.
  return kind === 'in-process' ? 'not configured' : { kind, state };
}

/** What the first middleware puts on `res.locals` for everything after it. */
interface RequestLocals {
  requestId: string;
  /** The gateway logger with `requestId` bound. */
  logger: Logger;
}

const requestLocals = (locals: Record<string, unknown>) => locals as unknown as RequestLocals;

/** Settings keyed by subgraph name must name subgraphs the supergraph has: a typo fails loudly. */
function checkSubgraphOverrides(
  supergraphSdl: string,
  namesBySetting: Record<string, readonly string[]>,
): void {
  const known = supergraphSubgraphs(supergraphSdl).map((s) => s.name);
  for (const [setting, names] of Object.entries(namesBySetting)) {
    const unknown = names.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new Error(
        `${setting} names subgraphs the supergraph does not have: ${unknown.join(', ')} ` +
          `(it has: ${known.join(', ') || 'none'})`,
      );
    }
  }
}
