// The gateway's only file with side effects: read config, load keys and the supergraph, listen, and
// stop cleanly on SIGINT/SIGTERM. Every start-up failure exits 1 with the reason.

import {
  loadOrCreateSigningKeyFile,
  signingKeyFromJwk,
  type SigningKey,
} from '@resident-graph/caller';
import { ClientRegistryError, loadClientRegistry } from '@resident-graph/authorization';
import { ConfigError } from '@resident-graph/config';
import { loadOrCreateDevIssuerKey } from '@resident-graph/dev-issuer';
import { createLogger, type Logger } from '@resident-graph/logging';
import { startTracing } from '@resident-graph/observability';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createAccessTokenVerifier, type AccessTokenVerifierOptions } from './auth/access-token.js';
import { loadGatewayConfig, type GatewayConfig } from './config.js';
import { loadPersistedOperations } from './protection/persisted-operations.js';
import { playgroundFromConfig } from './playground/from-config.js';
import { createRedisTier } from './shared-tier/redis-tier.js';

// @apollo/gateway reports usage to Apollo and probes cloud metadata addresses unless this is set
// before it loads. None of the static imports above loads it; gateway.ts is imported dynamically below.
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

let config: GatewayConfig;
try {
  config = loadGatewayConfig(process.env);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const logger = createLogger('gateway', config.logLevel);
// Before anything serves, so every request's spans are recorded (and Apollo Gateway's own).
const tracing = config.tracing ? await startTracing(config.tracing) : null;

/** A problem an operator can fix from its message alone; logged without a stack trace. */
class StartupError extends Error {}

function readFile(path: string, what: string, hint: string): string {
  if (!existsSync(path)) throw new StartupError(`${what} not found at ${path}; ${hint}`);
  return readFileSync(path, 'utf8');
}

async function callerSigningKey(config: GatewayConfig): Promise<SigningKey> {
  if (config.auth.devIssuer) {
    return loadOrCreateSigningKeyFile(
      config.callerSigningKeyFile,
      `gateway-caller-${randomUUID().slice(0, 8)}`,
    );
  }
  // Outside development a missing key is a deployment error: a fresh one would be trusted by no subgraph.
  const jwk = readFile(
    config.callerSigningKeyFile,
    'caller signing key',
    'mount it from the secret store or set CALLER_SIGNING_KEY_FILE',
  );
  return signingKeyFromJwk(JSON.parse(jwk) as Parameters<typeof signingKeyFromJwk>[0]);
}

function clientRegistry(config: GatewayConfig) {
  try {
    return loadClientRegistry(config.clientRegistryFile);
  } catch (error) {
    if (error instanceof ClientRegistryError) throw new StartupError(error.message);
    throw error;
  }
}

async function accessTokenKeys(
  config: GatewayConfig,
): Promise<Pick<AccessTokenVerifierOptions, 'jwks' | 'jwksUrl'>> {
  const { jwks } = config.auth;
  if ('url' in jwks) return { jwksUrl: jwks.url };
  // Creating the dev issuer key also writes the JWKS file that the default AUTH_JWKS_FILE points at.
  if (config.auth.devIssuer) await loadOrCreateDevIssuerKey(config.dataDir);
  const hint =
    'set AUTH_DEV_ISSUER=true to create a development issuer, or point AUTH_JWKS_FILE at the identity provider keys';
  return {
    jwks: JSON.parse(
      readFile(jwks.file, 'access-token JWKS', hint),
    ) as AccessTokenVerifierOptions['jwks'],
  };
}

async function start(config: GatewayConfig, logger: Logger): Promise<void> {
  const supergraphSdl = readFile(
    config.supergraphPath,
    'supergraph',
    'run `npm run compose` or set SUPERGRAPH_PATH',
  );
  const verifyAccessToken = createAccessTokenVerifier({
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    ...(await accessTokenKeys(config)),
    logger,
  });
  const { createGateway } = await import('./gateway.js');
  const { redis } = config.sharedTier;
  const gateway = createGateway({
    supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    verifyAccessToken,
    clients: clientRegistry(config),
    exposeQueryPlans: config.exposeQueryPlans,
    limits: config.limits,
    introspection: config.introspection,
    hideSchemaDetails: config.production,
    ...(config.persistedOperationsFile
      ? { persistedOperations: loadPersistedOperations(config.persistedOperationsFile) }
      : {}),
    callerSigningKey: await callerSigningKey(config),
    logger,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    ...(config.identityRecordsUrl ? { identityRecordsUrl: config.identityRecordsUrl } : {}),
    identityRecordsTimeoutMs: config.identityRecordsTimeoutMs,
    resilience: config.resilience,
    shutdownGraceMs: config.shutdownGraceMs,
    ...(config.supergraphReloadIntervalMs > 0
      ? {
          supergraphWatch: {
            path: config.supergraphPath,
            intervalMs: config.supergraphReloadIntervalMs,
          },
        }
      : {}),
    playground: await playgroundFromConfig(config),
    ...(redis
      ? {
          sharedTier: (onError) =>
            createRedisTier({
              target: redis,
              commandTimeoutMs: config.sharedTier.commandTimeoutMs,
              onError,
            }),
        }
      : {}),
    sharedTierKeyPrefix: config.sharedTier.keyPrefix,
    apqTtlSeconds: config.apqTtlSeconds,
    ...(config.rateLimits.perClient !== null || config.rateLimits.perResident !== null
      ? { rateLimits: config.rateLimits }
      : {}),
    responseCache: config.responseCache.enabled
      ? { subgraphHints: config.responseCache.subgraphHints }
      : false,
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'gateway stopping');
    // Draining waits for in-flight requests up to the grace period, then closes their connections;
    // if even that does not finish, the process must not stay alive forever.
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 5_000).unref();
    gateway
      .stop()
      // Spans of the last requests still go out.
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'gateway did not stop cleanly');
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const url = await gateway.listen(config.port, config.host);
  // Started by `npm start`: tell it where we listen, and stop if it goes away (no orphans).
  if (process.send) {
    process.send({ ready: url });
    process.once('disconnect', () => shutdown('disconnect'));
  }
  if (config.auth.devIssuer) {
    logger.warn(
      'development sign-in is on: tokens from `npm run token` are accepted; never run this way in production',
    );
  }
}

try {
  await start(config, logger);
} catch (error) {
  if (error instanceof StartupError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
}
