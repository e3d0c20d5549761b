import { fileURLToPath } from 'node:url';
import { loadClientRegistry, type ClientRegistry } from '@resident-graph/authorization';
import { generateSigningKey, type SigningKey } from '@resident-graph/caller';
import type { AgencyDatabase } from '@resident-graph/store';
import { issueAccessToken, type AccessTokenOptions } from '@resident-graph/dev-issuer';
import type { SubgraphDefinition } from '@resident-graph/federation';
import {
  createAccessTokenVerifier,
  createGateway,
  personaSignIn,
  type Gateway,
  readExampleOperations,
  type GatewayDeps,
} from '@resident-graph/gateway';
import { ideAssetsDir } from '@resident-graph/ide';
import { createLogger } from '@resident-graph/logging';
import { createTestGatewayKey } from './caller-tokens.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import {
  startRecordingProxy,
  type RecordedRequest,
  type RecordingProxy,
} from './recording-proxy.js';
import {
  startSeededSubgraph,
  type GraphQLResponse,
  type SubgraphFixtureOptions,
} from './subgraph-harness.js';

export const TEST_ISSUER = 'https://issuer.test.resident-graph.invalid';
export const TEST_AUDIENCE = 'resident-graph';

export interface TestSystem {
  /** The gateway's `/graphql` URL (the first replica's). */
  url: string;
  /** Every gateway replica's `/graphql` URL; the first is `url`. */
  replicaUrls: readonly string[];
  /** Each subgraph's `/graphql` URL by name. */
  subgraphUrls: Record<string, string>;
  /** An access token from the test issuer for `residentId`. */
  token(residentId: string, options?: Omit<AccessTokenOptions, 'residentId'>): Promise<string>;
  /** POSTs an operation to the gateway; `token` becomes `Authorization: Bearer <token>`. */
  query<T = Record<string, unknown>>(
    query: string,
    options?: {
      token?: string;
      variables?: Record<string, unknown>;
      headers?: Record<string, string>;
      /** Which gateway replica to ask (index into `replicaUrls`). Default 0. */
      replica?: number;
      /** Extra fields of the request body, such as `extensions` (persisted queries). */
      body?: Record<string, unknown>;
    },
  ): Promise<GraphQLResponse<T> & { status: number; headers: Headers }>;
  /**
   * What the gateway asked each subgraph since the last `clearSubgraphRequests()`: every subgraph
   * sits behind a recording proxy.
   */
  subgraphRequests(name: string): readonly RecordedRequest[];
  clearSubgraphRequests(): void;
  /** The gateway's origin, for `/health/*` and `/metrics`. */
  gatewayOrigin: string;
  /** Fault proxies by subgraph name, for the subgraphs started with `proxied`. */
  proxies: Record<string, FaultProxy>;
  /** A running subgraph's store and records key (identity's disclosure log, for verifying it). */
  subgraph(name: string): { store: AgencyDatabase<unknown>; recordsKey: SigningKey };
  /** A running subgraph's store, to check what an agency recorded (e.g. a notification applied once). */
  store(name: string): AgencyDatabase<unknown>;
  /** Stops one subgraph (to see the gateway answer without it). */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again (fresh store, new port; its proxy is pointed at it). */
  restartSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** The client registry `npm start` uses (config/clients.json). */
export const repositoryClientRegistry = (): ClientRegistry =>
  loadClientRegistry(fileURLToPath(new URL('../../../config/clients.json', import.meta.url)));

/**
 * The whole graph in one test process: every subgraph from its production definition on port 0
 * with its own seeded in-memory SQLite, and the production gateway in front of them over real HTTP,
 * trusting a throwaway issuer key. Between the gateway and each subgraph sits a recording proxy
 * (what was asked), and for the `proxied` subgraphs a fault proxy behind it (what goes wrong).
 */

export async function startTestSystem(options: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own store type
  subgraphs: readonly SubgraphDefinition<any, object>[];
  supergraphSdl: string;
  fixture?: SubgraphFixtureOptions;
  /** Default the repository's config/clients.json, as `npm start` uses. */
  clients?: ClientRegistry;
  /** Subgraphs the gateway reaches through a fault proxy (see `proxies`). Default none. */
  proxied?: readonly string[];
  /**
   * Gateway options beyond the defaults: limits, production switches, persisted operations,
   * resilience, supergraph reloading. Default none.
   */
  gateway?: Partial<
    Pick<
      GatewayDeps,
      | 'limits'
      | 'introspection'
      | 'hideSchemaDetails'
      | 'persistedOperations'
      | 'exposeQueryPlans'
      | 'resilience'
      | 'supergraphWatch'
      | 'subgraphTimeoutMs'
      | 'identityRecordsTimeoutMs'
      | 'sharedTier'
      | 'sharedTierKeyPrefix'
      | 'rateLimits'
      | 'responseCache'
      | 'apqTtlSeconds'
    >
  >;
  /**
   * Put a fault proxy between the gateway's consent and disclosure calls and identity, as
   * `proxies['identity-records']` (stop it to make the record store unreachable). Default false.
   */
  proxyIdentityRecords?: boolean;
  /**
   * Gateway replicas in front of the same subgraphs, each built from the same options (so each
   * makes its own shared tier: replicas share state only through Redis). Default 1.
   */
  replicas?: number;
  /**
   * Serve the built browser IDE with these example operations and "sign in as" a persona, with
   * tokens from the test issuer (default: no IDE, as in production).
   */
  ide?: { examplesDir: string };
}): Promise<TestSystem> {
  const gatewayKey = await createTestGatewayKey();
  const issuerKey = (await generateSigningKey('test-issuer')).key;
  const running = new Map<
    string,
    { url: string; store: AgencyDatabase<unknown>; recordsKey: SigningKey; stop(): Promise<void> }
  >();
  const recorders = new Map<string, RecordingProxy>();
  const stopped = new Set<string>();
  const proxies: Record<string, FaultProxy> = {};
  const gateways: Gateway[] = [];
  try {
    for (const definition of options.subgraphs) {
      running.set(
        definition.name,
        await startSeededSubgraph(definition, gatewayKey, options.fixture),
      );
    }
    for (const name of options.proxied ?? []) {
      const subgraph = running.get(name);
      if (!subgraph) throw new Error(`no subgraph ${name} to put a proxy in front of`);
      proxies[name] = await startFaultProxy(subgraph.url);
    }
    for (const [name, subgraph] of running) {
      recorders.set(name, await startRecordingProxy(proxies[name]?.url ?? subgraph.url));
    }
    const subgraphUrls = Object.fromEntries([...recorders].map(([name, r]) => [name, r.url]));
    const identity = running.get('identity');
    if (options.proxyIdentityRecords && identity)
      proxies['identity-records'] = await startFaultProxy(identity.url);
    const makeGateway = () =>
      createGateway({
        supergraphSdl: options.supergraphSdl,
        subgraphUrls,
        verifyAccessToken: createAccessTokenVerifier({
          issuer: TEST_ISSUER,
          audience: TEST_AUDIENCE,
          jwks: issuerKey.jwks,
        }),
        clients: options.clients ?? repositoryClientRegistry(),
        callerSigningKey: gatewayKey,
        logger: createLogger('gateway', 'silent'),
        ...(proxies['identity-records']
          ? { identityRecordsUrl: proxies['identity-records'].url }
          : {}),
        ...options.gateway,
        ...(options.ide
          ? {
              playground: {
                assetsDir: ideAssetsDir,
                examples: readExampleOperations(options.ide.examplesDir),
                devSignIn: personaSignIn(issuerKey, {
                  issuer: TEST_ISSUER,
                  audience: TEST_AUDIENCE,
                }),
              },
            }
          : {}),
      });
    gateways.push(...Array.from({ length: options.replicas ?? 1 }, makeGateway));
    const replicaUrls: string[] = [];
    for (const gateway of gateways) replicaUrls.push(await gateway.listen(0));
    const url = replicaUrls[0] ?? '';
    return {
      url,
      replicaUrls,
      gatewayOrigin: new URL(url).origin,
      proxies,
      subgraphUrls,
      token: (residentId, tokenOptions = {}) =>
        issueAccessToken(issuerKey, {
          issuer: TEST_ISSUER,
          audience: TEST_AUDIENCE,
          ...tokenOptions,
          residentId,
        }),
      async query(query, { token, variables, headers = {}, replica = 0, body = {} } = {}) {
        const target = replicaUrls[replica];
        if (!target) throw new Error(`no gateway replica ${replica}`);
        const response = await fetch(target, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
          body: JSON.stringify({ query, variables, ...body }),
        });
        return {
          status: response.status,
          headers: response.headers,
          ...((await response.json()) as GraphQLResponse<never>),
        };
      },
      store(name) {
        const subgraph = running.get(name);
        if (!subgraph || stopped.has(name)) throw new Error(`${name} is not running`);
        return subgraph.store;
      },
      subgraphRequests: (name) => recorders.get(name)?.requests ?? [],
      subgraph(name) {
        const subgraph = running.get(name);
        if (!subgraph || stopped.has(name)) throw new Error(`${name} is not running`);
        return subgraph;
      },
      clearSubgraphRequests() {
        for (const recorder of recorders.values()) recorder.clear();
      },
      async stopSubgraph(name) {
        await running.get(name)?.stop();
        stopped.add(name);
      },
      async restartSubgraph(name) {
        const definition = options.subgraphs.find((d) => d.name === name);
        if (!definition || !stopped.has(name)) throw new Error(`${name} is not a stopped subgraph`);
        const subgraph = await startSeededSubgraph(definition, gatewayKey, options.fixture);
        running.set(name, subgraph);
        stopped.delete(name);
        if (proxies[name]) proxies[name].setUpstream(subgraph.url);
        else recorders.get(name)?.setUpstream(subgraph.url);
      },
      async stop() {
        await Promise.all(gateways.map((gateway) => gateway.stop()));
        await Promise.all([...recorders.values()].map((r) => r.stop()));
        await Promise.all(Object.values(proxies).map((p) => p.stop()));
        await Promise.all(
          [...running].filter(([name]) => !stopped.has(name)).map(([, s]) => s.stop()),
        );
      },
    };
  } catch (error) {
    // A gateway that started (or made its Redis connection) must not outlive a failed start.
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await Promise.all([...recorders.values()].map((r) => r.stop()));
    await Promise.all(Object.values(proxies).map((p) => p.stop()));
    await Promise.all([...running].map(([, s]) => s.stop()));
    throw error;
  }
}
