import { generateSigningKey } from '@resident-graph/caller';
import { issueAccessToken, type AccessTokenOptions } from '@resident-graph/dev-issuer';
import type { SubgraphDefinition } from '@resident-graph/federation';
import {
  createAccessTokenVerifier,
  createGateway,
  personaSignIn,
  readExampleOperations,
} from '@resident-graph/gateway';
import { ideAssetsDir } from '@resident-graph/ide';
import { createLogger } from '@resident-graph/logging';
import { createTestGatewayKey } from './caller-tokens.js';
import {
  startSeededSubgraph,
  type GraphQLResponse,
  type SubgraphFixtureOptions,
} from './subgraph-harness.js';

export const TEST_ISSUER = 'https://issuer.test.resident-graph.invalid';
export const TEST_AUDIENCE = 'resident-graph';

export interface TestSystem {
  /** The gateway's `/graphql` URL. */
  url: string;
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
    },
  ): Promise<GraphQLResponse<T> & { status: number }>;
  /** Stops one subgraph (to see the gateway answer without it). */
  stopSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole graph in one test process: every subgraph from its production definition on port 0
 * with its own seeded in-memory SQLite, and the production gateway in front of them over real HTTP,
 * trusting a throwaway issuer key.
 */
export async function startTestSystem(options: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own store type
  subgraphs: readonly SubgraphDefinition<any, object>[];
  supergraphSdl: string;
  fixture?: SubgraphFixtureOptions;
  /**
   * Serve the built browser IDE with these example operations and "sign in as" a persona, with
   * tokens from the test issuer (default: no IDE, as in production).
   */
  ide?: { examplesDir: string };
}): Promise<TestSystem> {
  const gatewayKey = await createTestGatewayKey();
  const issuerKey = (await generateSigningKey('test-issuer')).key;
  const running = new Map<string, { url: string; stop(): Promise<void> }>();
  const stopped = new Set<string>();
  try {
    for (const definition of options.subgraphs) {
      running.set(
        definition.name,
        await startSeededSubgraph(definition, gatewayKey, options.fixture),
      );
    }
    const subgraphUrls = Object.fromEntries([...running].map(([name, s]) => [name, s.url]));
    const gateway = createGateway({
      supergraphSdl: options.supergraphSdl,
      subgraphUrls,
      verifyAccessToken: createAccessTokenVerifier({
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
        jwks: issuerKey.jwks,
      }),
      callerSigningKey: gatewayKey,
      logger: createLogger('gateway', 'silent'),
      ...(options.ide
        ? {
            playground: {
              assetsDir: ideAssetsDir,
              examples: readExampleOperations(options.ide.examplesDir),
              devSignIn: personaSignIn(issuerKey, { issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
            },
          }
        : {}),
    });
    const url = await gateway.listen(0);
    return {
      url,
      subgraphUrls,
      token: (residentId, tokenOptions = {}) =>
        issueAccessToken(issuerKey, {
          issuer: TEST_ISSUER,
          audience: TEST_AUDIENCE,
          ...tokenOptions,
          residentId,
        }),
      async query(query, { token, variables, headers = {} } = {}) {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, ...((await response.json()) as GraphQLResponse<never>) };
      },
      async stopSubgraph(name) {
        await running.get(name)?.stop();
        stopped.add(name);
      },
      async stop() {
        await gateway.stop();
        await Promise.all(
          [...running].filter(([name]) => !stopped.has(name)).map(([, s]) => s.stop()),
        );
      },
    };
  } catch (error) {
    await Promise.all([...running].map(([, s]) => s.stop()));
    throw error;
  }
}
