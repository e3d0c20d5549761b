import { ConfigError } from '@resident-graph/config';
import { DEV_ISSUER } from '@resident-graph/dev-issuer';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.js';
import { DEFAULT_LIMITS } from './protection/limits.js';

const cwd = '/srv/rg';

describe('loadGatewayConfig', () => {
  it('defaults to local development with the dev issuer', () => {
    const config = loadGatewayConfig({}, cwd);
    expect(config).toEqual({
      port: 4000,
      host: '127.0.0.1',
      supergraphPath: '/srv/rg/schema/supergraph.graphql',
      subgraphUrls: {},
      subgraphTimeoutMs: 10_000,
      identityRecordsUrl: undefined,
      identityRecordsTimeoutMs: 2_000,
      resilience: {},
      supergraphReloadIntervalMs: 2_000,
      shutdownGraceMs: 10_000,
      auth: {
        issuer: DEV_ISSUER,
        audience: 'resident-graph',
        jwks: { file: '/srv/rg/.data/keys/dev-issuer.jwks.json' },
        devIssuer: true,
      },
      dataDir: '/srv/rg/.data',
      callerSigningKeyFile: '/srv/rg/.data/keys/gateway-caller.json',
      ide: { enabled: true, examplesDir: '/srv/rg/examples', devSignIn: true },
      logLevel: 'info',
      clientRegistryFile: '/srv/rg/config/clients.json',
      exposeQueryPlans: false,
      production: false,
      introspection: true,
      persistedOperationsFile: null,
      limits: DEFAULT_LIMITS,
      sharedTier: { redis: null, keyPrefix: 'resident-graph', commandTimeoutMs: 250 },
      apqTtlSeconds: 86_400,
      rateLimits: { windowMs: 60_000, perClient: null, perResident: null },
      responseCache: { enabled: true, subgraphHints: {} },
      tracing: null,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('turns introspection off in production unless enabled, and reads every limit', () => {
    const production = loadGatewayConfig({ NODE_ENV: 'production' }, cwd);
    expect(production).toMatchObject({ production: true, introspection: false });
    expect(
      loadGatewayConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }, cwd).introspection,
    ).toBe(true);
    const limited = loadGatewayConfig({ GRAPHQL_MAX_DEPTH: '4', MAX_BODY_BYTES: '1000' }, cwd);
    expect(limited.limits).toEqual({ ...DEFAULT_LIMITS, maxDepth: 4, maxBodyBytes: 1000 });
    expect(() =>
      loadGatewayConfig({ GRAPHQL_MAX_ALIASES: '-1', EXPOSE_QUERY_PLANS: 'yes' }, cwd),
    ).toThrow(/EXPOSE_QUERY_PLANS[\s\S]*GRAPHQL_MAX_ALIASES/);
  });

  it('reads per-agency resilience settings and lists every mistake in them', () => {
    const config = loadGatewayConfig(
      {
        SUBGRAPH_RESILIENCE:
          '{"*":{"retry":{"maxAttempts":2}},"irs":{"timeoutMs":3000,"breaker":{"consecutiveFailures":3}}}',
      },
      cwd,
    );
    expect(config.resilience).toEqual({
      '*': { retry: { maxAttempts: 2 } },
      irs: { timeoutMs: 3000, breaker: { consecutiveFailures: 3 } },
    });
    expect(() => loadGatewayConfig({ SUBGRAPH_RESILIENCE: '{"irs":' }, cwd)).toThrow(
      /SUBGRAPH_RESILIENCE: must be JSON/,
    );
    expect(() =>
      loadGatewayConfig(
        { SUBGRAPH_RESILIENCE: '{"irs":{"timeoutMs":-1,"retry":{"tries":3}}}' },
        cwd,
      ),
    ).toThrow(/SUBGRAPH_RESILIENCE\.irs\.timeoutMs[\s\S]*SUBGRAPH_RESILIENCE\.irs\.retry/);
  });

  it('uses a remote JWKS and no dev issuer when AUTH_JWKS_URL is set', () => {
    const config = loadGatewayConfig(
      {
        AUTH_JWKS_URL: 'https://idp.example.gov/api/openid_connect/certs',
        AUTH_ISSUER: 'https://idp.example.gov/',
        SUBGRAPH_URLS: '{"ssa":"http://ssa:4103/graphql"}',
        DATA_DIR: '/var/lib/rg',
        PORT: '0',
      },
      cwd,
    );
    expect(config.auth).toEqual({
      issuer: 'https://idp.example.gov/',
      audience: 'resident-graph',
      jwks: { url: 'https://idp.example.gov/api/openid_connect/certs' },
      devIssuer: false,
    });
    expect(config.subgraphUrls).toEqual({ ssa: 'http://ssa:4103/graphql' });
    expect(config.callerSigningKeyFile).toBe('/var/lib/rg/keys/gateway-caller.json');
    expect(config.port).toBe(0);
    // Production (an external identity provider): no IDE unless asked for.
    expect(config.ide.enabled).toBe(false);
  });

  it('serves the IDE in production only when IDE_ENABLED says so, and never with persona sign-in', () => {
    const production = {
      AUTH_JWKS_URL: 'https://idp.example.gov/certs',
      AUTH_ISSUER: 'https://idp.example.gov/',
    };
    expect(loadGatewayConfig({ ...production, IDE_ENABLED: 'true' }, cwd).ide).toEqual({
      enabled: true,
      examplesDir: '/srv/rg/examples',
      devSignIn: false,
    });
    expect(loadGatewayConfig({ IDE_ENABLED: 'false' }, cwd).ide).toMatchObject({
      enabled: false,
      devSignIn: false,
    });
    expect(() => loadGatewayConfig({ IDE_ENABLED: 'yes' }, cwd)).toThrow(/IDE_ENABLED/);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadGatewayConfig(
        {
          PORT: 'eighty',
          SUBGRAPH_URLS: '{not json',
          AUTH_JWKS_URL: 'https://idp.example.gov/certs',
          AUTH_JWKS_FILE: 'keys.json',
          AUTH_DEV_ISSUER: 'true',
          IDE_ENABLED: 'maybe',
          LOG_LEVEL: 'loud',
        },
        cwd,
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const variable of [
      'PORT',
      'SUBGRAPH_URLS',
      'LOG_LEVEL',
      'AUTH_JWKS_FILE',
      'AUTH_ISSUER',
      'AUTH_DEV_ISSUER',
      'IDE_ENABLED',
    ]) {
      expect(problems).toContain(variable);
    }
  });

  it('rejects subgraph URLs that are not http(s)', () => {
    expect(() => loadGatewayConfig({ SUBGRAPH_URLS: '{"ssa":"file:///etc/passwd"}' }, cwd)).toThrow(
      /SUBGRAPH_URLS/,
    );
  });

  it('reads the shared tier: one Redis or a Cluster, never both, and the limits and cache hints', () => {
    expect(
      loadGatewayConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }, cwd).sharedTier.redis,
    ).toEqual({ url: 'redis://127.0.0.1:6379/2' });
    const cluster = loadGatewayConfig(
      {
        REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7001',
        RATE_LIMIT_PER_CLIENT: '100',
        RATE_LIMIT_PER_RESIDENT: '0',
        RATE_LIMIT_WINDOW_MS: '1000',
        RESPONSE_CACHE_SUBGRAPH_HINTS:
          '{"*":{"maxAge":30},"life-events":{"maxAge":300,"scope":"PUBLIC"}}',
      },
      cwd,
    );
    expect(cluster.sharedTier.redis).toEqual({ clusterNodes: ['10.0.0.1:7000', '10.0.0.2:7001'] });
    expect(cluster.rateLimits).toEqual({ windowMs: 1000, perClient: 100, perResident: null });
    expect(cluster.responseCache.subgraphHints).toEqual({
      '*': { maxAge: 30, scope: 'PRIVATE' },
      'life-events': { maxAge: 300, scope: 'PUBLIC' },
    });
    expect(() =>
      loadGatewayConfig(
        {
          REDIS_URL: 'redis://127.0.0.1:6379',
          REDIS_CLUSTER_NODES: '127.0.0.1:7000',
          RESPONSE_CACHE_SUBGRAPH_HINTS: '{"*":{"maxAge":-1}}',
        },
        cwd,
      ),
    ).toThrow(/RESPONSE_CACHE_SUBGRAPH_HINTS[\s\S]*REDIS_URL and REDIS_CLUSTER_NODES/);
    expect(() => loadGatewayConfig({ REDIS_URL: 'http://127.0.0.1:6379' }, cwd)).toThrow(
      /REDIS_URL/,
    );
  });
});
