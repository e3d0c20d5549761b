import { ConfigError, logLevel, parseEnv, port, z } from '@resident-graph/config';
import { DEV_AUDIENCE, DEV_ISSUER, devIssuerJwksFile } from '@resident-graph/dev-issuer';
import { join, resolve } from 'node:path';
import { DEFAULT_LIMITS, type OperationLimits } from './protection/limits.js';
import { resilienceConfigSchema, type ResilienceConfig } from './resilience/settings.js';
import { cacheHintsSchema, type SubgraphCacheHints } from './response-cache/cache-hints.js';
import type { RedisTarget } from './shared-tier/redis-tier.js';

/** A variable holding a JSON value, parsed and then checked by `schema`. */
const jsonVariable = <T extends z.ZodType>(example: string, schema: T) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be JSON such as ${example}` });
        return z.NEVER;
      }
    })
    .pipe(schema.optional());

/** Every variable the gateway reads, with its default. Relative paths resolve from the working directory. */
const gatewayEnv = {
  /** Port to listen on (default 4000; 0 = any free port). */
  PORT: port(4000),
  /** Interface to bind (default 127.0.0.1; 0.0.0.0 in containers). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The composed supergraph SDL (default schema/supergraph.graphql, written by `npm run compose`). */
  SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
  /** JSON object of subgraph name → URL, replacing the supergraph's URLs (default: use the supergraph's). */
  SUBGRAPH_URLS: jsonVariable(
    '{"ssa":"http://127.0.0.1:4103/graphql"}',
    z.record(z.string().min(1), z.url({ protocol: /^https?$/ })),
  ),
  /** How long to wait for one subgraph request, retries included, in milliseconds (default 10000). */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * identity's `/graphql`, where consents are checked and disclosures recorded (default: the
   * identity subgraph's URL). Unreachable means third-party and staff reads are refused.
   */
  IDENTITY_RECORDS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How long one consent check or disclosure write may take, in milliseconds (default 2000). */
  IDENTITY_RECORDS_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  /**
   * JSON per-agency timeout, retry and breaker settings, `"*"` for every agency, e.g.
   * {"*":{"retry":{"maxAttempts":2}},"irs":{"timeoutMs":3000,"breaker":{"consecutiveFailures":3}}}
   * (default {}: the defaults in gateway/src/resilience/settings.ts; docs/operations.md lists them).
   */
  SUBGRAPH_RESILIENCE: jsonVariable('{"ssa":{"timeoutMs":3000}}', resilienceConfigSchema),
  /** How often to re-read SUPERGRAPH_PATH for a new version, in ms; 0 = never (default 2000). */
  SUPERGRAPH_RELOAD_INTERVAL_MS: z.coerce.number().int().min(0).default(2_000),
  /** On SIGTERM, how long in-flight requests may take before their connections close, in ms (default 10000). */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Expected `iss` of access tokens (default the development issuer, http://127.0.0.1/dev-issuer). */
  AUTH_ISSUER: z.url().optional(),
  /** Expected `aud` of access tokens (default resident-graph). */
  AUTH_AUDIENCE: z.string().min(1).default(DEV_AUDIENCE),
  /** The identity provider's JWKS URL (default unset: keys come from AUTH_JWKS_FILE). */
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The identity provider's JWKS as a file (default <DATA_DIR>/keys/dev-issuer.jwks.json). */
  AUTH_JWKS_FILE: z.string().min(1).optional(),
  /**
   * Development sign-in: on start, create the dev issuer key if missing (so `npm run token` and the
   * gateway agree) and the caller signing key if missing. Default true unless AUTH_JWKS_URL is set.
   */
  AUTH_DEV_ISSUER: flag(undefined),
  /** Directory for local state such as development keys (default .data). */
  DATA_DIR: z.string().min(1).default('.data'),
  /**
   * Private JWK the gateway signs caller tokens with (default <DATA_DIR>/keys/gateway-caller.json).
   * Created on first start in development (AUTH_DEV_ISSUER); production mounts one from a secret store.
   */
  CALLER_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /**
   * Serve the browser IDE (GraphiQL) at GET /graphql for browsers (default: on with the development
   * issuer, i.e. in development; off otherwise, so production turns it on only on purpose).
   */
  IDE_ENABLED: flag(undefined),
  /** Folder of `*.graphql` operations the IDE opens as tabs (default examples). */
  IDE_EXAMPLES_DIR: z.string().min(1).default('examples'),
  /** pino log level (default info). */
  LOG_LEVEL: logLevel(),
  /** The client registry: which applications may call, and their most scopes (default config/clients.json). */
  CLIENT_REGISTRY_FILE: z.string().min(1).default('config/clients.json'),
  /**
   * Answer `Apollo-Query-Plan-Experimental` with the query plan (default false). Plans name subgraphs
   * and internal fields: for an operator debugging on a private network only.
   */
  EXPOSE_QUERY_PLANS: flag(false),
  /** `production` turns introspection and "Did you mean…" suggestions off by default (default development). */
  NODE_ENV: z.string().default('development'),
  /** Answer introspection queries (default true in development, false in production). */
  INTROSPECTION: flag(undefined),
  /** Run only the operations of this persisted query manifest (default unset: any operation). */
  PERSISTED_OPERATIONS_FILE: z.string().min(1).optional(),
  /** Deepest field nesting of an operation (default 10). */
  GRAPHQL_MAX_DEPTH: limit(DEFAULT_LIMITS.maxDepth),
  /** Aliases in one operation (default 15). */
  GRAPHQL_MAX_ALIASES: limit(DEFAULT_LIMITS.maxAliases),
  /** Directives in one operation (default 20). */
  GRAPHQL_MAX_DIRECTIVES: limit(DEFAULT_LIMITS.maxDirectives),
  /** Lexical tokens in one document (default 2000). */
  GRAPHQL_MAX_TOKENS: limit(DEFAULT_LIMITS.maxTokens),
  /** Top-level fields of one operation (default 10). */
  GRAPHQL_MAX_ROOT_FIELDS: limit(DEFAULT_LIMITS.maxRootFields),
  /** Estimated cost of one operation, lists counted by size (default 5000). */
  GRAPHQL_MAX_COST: limit(DEFAULT_LIMITS.maxCost),
  /** Items a list is assumed to hold when no first/limit argument says (default 10). */
  GRAPHQL_ASSUMED_LIST_SIZE: limit(DEFAULT_LIMITS.assumedListSize),
  /** Nesting of the variables' JSON (default 8). */
  GRAPHQL_MAX_VARIABLE_DEPTH: limit(DEFAULT_LIMITS.maxVariableDepth),
  /** Request body size in bytes; larger bodies answer 413 (default 262144). */
  MAX_BODY_BYTES: limit(DEFAULT_LIMITS.maxBodyBytes),
  /**
   * The Redis of the shared tier (persisted queries, response cache, rate limits), e.g.
   * redis://127.0.0.1:6379/0 (default unset: an in-process tier, shared by no other replica).
   */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /**
   * A Redis Cluster instead: comma-separated host:port seed nodes, e.g. 10.0.0.1:6379,10.0.0.2:6379
   * (default unset). Set REDIS_URL or this, not both.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .optional()
    .transform((v) =>
      v
        ?.split(',')
        .map((node) => node.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'host:port')).optional()),
  /** First part of every shared-tier key, so deployments can share a Redis (default resident-graph). */
  REDIS_KEY_PREFIX: z.string().min(1).default('resident-graph'),
  /** Longest one Redis command may take before the gateway goes on without it, in ms (default 250). */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(250),
  /** How long an automatic persisted query is remembered, in seconds (default 86400). */
  APQ_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
  /** Length of the rate limits' sliding window, in ms (default 60000). */
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  /** Requests one client application may send per window, all its users together; 0 = no limit (default 0). */
  RATE_LIMIT_PER_CLIENT: z.coerce.number().int().min(0).default(0),
  /** Requests one signed-in resident may send per window, over every application; 0 = no limit (default 0). */
  RATE_LIMIT_PER_RESIDENT: z.coerce.number().int().min(0).default(0),
  /** Cache answers the subgraphs say may be cached (Cache-Control), for first-party callers only (default true). */
  RESPONSE_CACHE: flag(true),
  /**
   * JSON: the cache hint to assume for a subgraph that sends no Cache-Control, by subgraph name or
   * `"*"`, e.g. {"*":{"maxAge":30,"scope":"PRIVATE"},"life-events":{"maxAge":300,"scope":"PUBLIC"}}
   * (default {}: a subgraph that says nothing is not cached).
   */
  RESPONSE_CACHE_SUBGRAPH_HINTS: jsonVariable(
    '{"*":{"maxAge":30,"scope":"PRIVATE"}}',
    cacheHintsSchema,
  ),
  /** OTLP/HTTP collector base URL; set it to export traces (default unset: tracing off). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** `service.name` of the spans (default gateway). */
  OTEL_SERVICE_NAME: z.string().min(1).default('gateway'),
};

/** A positive whole number. */
function limit(defaultValue: number) {
  return z.coerce.number().int().positive().default(defaultValue);
}

/** A boolean variable: true/false/1/0. */
function flag<D extends boolean | undefined>(defaultValue: D) {
  return z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v): boolean | D => (v === undefined ? defaultValue : v === 'true' || v === '1'));
}

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the supergraph SDL. */
  readonly supergraphPath: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly subgraphTimeoutMs: number;
  readonly identityRecordsUrl: string | undefined;
  readonly identityRecordsTimeoutMs: number;
  readonly resilience: ResilienceConfig;
  /** 0 = the supergraph is never re-read. */
  readonly supergraphReloadIntervalMs: number;
  readonly shutdownGraceMs: number;
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    /** Where the identity provider's public keys come from. */
    readonly jwks: { readonly url: string } | { readonly file: string };
    /** Whether to create the development issuer's key (and the caller key) when missing. */
    readonly devIssuer: boolean;
  };
  /** Absolute path of the local state directory. */
  readonly dataDir: string;
  /** Absolute path of the caller-token signing key (a private JWK). */
  readonly callerSigningKeyFile: string;
  readonly ide: {
    /** Whether GET /graphql from a browser answers the IDE. */
    readonly enabled: boolean;
    /** Absolute path of the folder of operations opened as tabs. */
    readonly examplesDir: string;
    /** Whether the IDE offers "sign in as" a persona (only with the development issuer). */
    readonly devSignIn: boolean;
  };
  readonly logLevel: string;
  /** Absolute path of the client registry (JSON). */
  readonly clientRegistryFile: string;
  readonly exposeQueryPlans: boolean;
  /** NODE_ENV is production: the safe defaults below. */
  readonly production: boolean;
  readonly introspection: boolean;
  /** Absolute path of the persisted operations manifest; null when any operation may run. */
  readonly persistedOperationsFile: string | null;
  readonly limits: OperationLimits;
  readonly sharedTier: {
    /** null = the in-process tier. */
    readonly redis: RedisTarget | null;
    readonly keyPrefix: string;
    readonly commandTimeoutMs: number;
  };
  readonly apqTtlSeconds: number;
  /** Limits of 0 are off (null). */
  readonly rateLimits: {
    readonly windowMs: number;
    readonly perClient: number | null;
    readonly perResident: number | null;
  };
  readonly responseCache: {
    readonly enabled: boolean;
    readonly subgraphHints: SubgraphCacheHints;
  };
  /** Where to export traces; null = tracing off. */
  readonly tracing: { readonly otlpEndpoint: string; readonly service: string } | null;
}

/**
 * Reads and checks the gateway's environment once. Throws ConfigError listing every problem, so a bad
 * deployment is fixed in one go. `cwd` anchors relative paths (default the process's).
 */
export function loadGatewayConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): GatewayConfig {
  const problems: string[] = [];
  let parsed: ReturnType<typeof parseEnv<typeof gatewayEnv>> | undefined;
  try {
    parsed = parseEnv('gateway', gatewayEnv, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  // Checked on the raw values too, so they are reported alongside any parse problems.
  if (env['AUTH_JWKS_URL'] && env['AUTH_JWKS_FILE']) {
    problems.push('AUTH_JWKS_URL and AUTH_JWKS_FILE: set one or the other, not both');
  }
  if (env['AUTH_JWKS_URL'] && !env['AUTH_ISSUER']) {
    problems.push(
      'AUTH_ISSUER: required when AUTH_JWKS_URL is set (the default is the development issuer)',
    );
  }
  if (
    env['AUTH_JWKS_URL'] &&
    (env['AUTH_DEV_ISSUER'] === 'true' || env['AUTH_DEV_ISSUER'] === '1')
  ) {
    problems.push(
      'AUTH_DEV_ISSUER: cannot be true when AUTH_JWKS_URL is set (dev tokens would never verify)',
    );
  }
  if (env['REDIS_URL'] && env['REDIS_CLUSTER_NODES']) {
    problems.push('REDIS_URL and REDIS_CLUSTER_NODES: set one or the other, not both');
  }
  if (problems.length > 0 || !parsed) throw new ConfigError('gateway', problems);

  const dataDir = resolve(cwd, parsed.DATA_DIR);
  const production = parsed.NODE_ENV === 'production';
  const devIssuer = parsed.AUTH_DEV_ISSUER ?? parsed.AUTH_JWKS_URL === undefined;
  const ideEnabled = parsed.IDE_ENABLED ?? (devIssuer && !production);
  return Object.freeze({
    port: parsed.PORT,
    host: parsed.HOST,
    supergraphPath: resolve(cwd, parsed.SUPERGRAPH_PATH),
    subgraphUrls: Object.freeze({ ...parsed.SUBGRAPH_URLS }),
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    identityRecordsUrl: parsed.IDENTITY_RECORDS_URL,
    identityRecordsTimeoutMs: parsed.IDENTITY_RECORDS_TIMEOUT_MS,
    resilience: parsed.SUBGRAPH_RESILIENCE ?? {},
    supergraphReloadIntervalMs: parsed.SUPERGRAPH_RELOAD_INTERVAL_MS,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    auth: Object.freeze({
      issuer: parsed.AUTH_ISSUER ?? DEV_ISSUER,
      audience: parsed.AUTH_AUDIENCE,
      jwks: Object.freeze(
        parsed.AUTH_JWKS_URL
          ? { url: parsed.AUTH_JWKS_URL }
          : {
              file: parsed.AUTH_JWKS_FILE
                ? resolve(cwd, parsed.AUTH_JWKS_FILE)
                : devIssuerJwksFile(dataDir),
            },
      ),
      devIssuer,
    }),
    dataDir,
    callerSigningKeyFile: parsed.CALLER_SIGNING_KEY_FILE
      ? resolve(cwd, parsed.CALLER_SIGNING_KEY_FILE)
      : join(dataDir, 'keys', 'gateway-caller.json'),
    ide: Object.freeze({
      enabled: ideEnabled,
      examplesDir: resolve(cwd, parsed.IDE_EXAMPLES_DIR),
      devSignIn: ideEnabled && devIssuer,
    }),
    logLevel: parsed.LOG_LEVEL,
    clientRegistryFile: resolve(cwd, parsed.CLIENT_REGISTRY_FILE),
    exposeQueryPlans: parsed.EXPOSE_QUERY_PLANS,
    production,
    introspection: parsed.INTROSPECTION ?? !production,
    persistedOperationsFile: parsed.PERSISTED_OPERATIONS_FILE
      ? resolve(cwd, parsed.PERSISTED_OPERATIONS_FILE)
      : null,
    limits: Object.freeze({
      maxDepth: parsed.GRAPHQL_MAX_DEPTH,
      maxAliases: parsed.GRAPHQL_MAX_ALIASES,
      maxDirectives: parsed.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: parsed.GRAPHQL_MAX_TOKENS,
      maxRootFields: parsed.GRAPHQL_MAX_ROOT_FIELDS,
      maxCost: parsed.GRAPHQL_MAX_COST,
      assumedListSize: parsed.GRAPHQL_ASSUMED_LIST_SIZE,
      maxVariableDepth: parsed.GRAPHQL_MAX_VARIABLE_DEPTH,
      maxBodyBytes: parsed.MAX_BODY_BYTES,
    }),
    sharedTier: Object.freeze({
      redis: parsed.REDIS_URL
        ? Object.freeze({ url: parsed.REDIS_URL })
        : parsed.REDIS_CLUSTER_NODES?.length
          ? Object.freeze({ clusterNodes: Object.freeze(parsed.REDIS_CLUSTER_NODES) })
          : null,
      keyPrefix: parsed.REDIS_KEY_PREFIX,
      commandTimeoutMs: parsed.REDIS_COMMAND_TIMEOUT_MS,
    }),
    apqTtlSeconds: parsed.APQ_TTL_SECONDS,
    rateLimits: Object.freeze({
      windowMs: parsed.RATE_LIMIT_WINDOW_MS,
      perClient: parsed.RATE_LIMIT_PER_CLIENT || null,
      perResident: parsed.RATE_LIMIT_PER_RESIDENT || null,
    }),
    responseCache: Object.freeze({
      enabled: parsed.RESPONSE_CACHE,
      subgraphHints: parsed.RESPONSE_CACHE_SUBGRAPH_HINTS ?? {},
    }),
    tracing: parsed.OTEL_EXPORTER_OTLP_ENDPOINT
      ? Object.freeze({
          otlpEndpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT,
          service: parsed.OTEL_SERVICE_NAME,
        })
      : null,
  });
}
