import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import {
  anonymousCaller,
  CALLER_HEADER,
  createCallerVerifier,
  generateSigningKey,
  signCallerToken,
  type Caller,
  type SigningKey,
} from '@resident-graph/caller';
import { loadClientRegistry } from '@resident-graph/authorization';
import { DEV_AUDIENCE, DEV_ISSUER, issueAccessToken } from '@resident-graph/dev-issuer';
import { UnauthenticatedError } from '@resident-graph/errors';
import express from 'express';
import { fileURLToPath } from 'node:url';
import { GraphQLError, parse, type GraphQLFieldResolver } from 'graphql';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccessTokenVerifier } from './auth/access-token.js';
import { createGateway, type Gateway, type GatewayDeps } from './gateway.js';

/** The gateway's log lines, as JSON objects, so tests can check what operators would see. */
const logLines: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'info' },
  { write: (line: string) => logLines.push(JSON.parse(line)) },
);

type SubgraphContext = { caller: Caller };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parents are whatever the resolver returned
type Resolvers = Record<string, Record<string, GraphQLFieldResolver<any, SubgraphContext>>>;

/** What one test subgraph saw of each request: the verified caller and the raw headers. */
interface Received {
  caller: Caller;
  headers: Record<string, string | string[] | undefined>;
}

interface TestSubgraph {
  name: string;
  url: string;
  received: Received[];
  stop(): Promise<void>;
}

/**
 * A small subgraph that, like the real ones, refuses requests without a valid caller token for its
 * own name. It does not mask its errors, so the gateway's masking is what the tests see.
 */
async function startSubgraph(
  name: string,
  typeDefs: string,
  resolvers: Resolvers,
  gatewayKey: SigningKey,
): Promise<TestSubgraph> {
  const verifyCaller = createCallerVerifier(gatewayKey.jwks, name);
  const received: Received[] = [];
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<SubgraphContext>({
    schema: buildSubgraphSchema([{ typeDefs: parse(typeDefs), resolvers }]),
    includeStacktraceInErrorResponses: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.headers[CALLER_HEADER];
        try {
          const caller = await verifyCaller(
            typeof header === 'string' ? header : undefined,
            req.headers['x-request-id'],
          );
          received.push({ caller, headers: { ...req.headers } });
          return { caller };
        } catch {
          throw new GraphQLError('only through the gateway', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
      },
    }),
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  return { name, url, received, stop: () => apollo.stop() };
}

const federation =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const residentsSdl = `${federation}
  type Query { me: Resident }
  type Resident @key(fields: "id") { id: ID! givenName: String! }`;

const catalogSdl = `${federation}
  type Query {
    "Public: works without signing in."
    lifeEvents: [String!]
    boom: String
    leaky: String
  }
  type Resident @key(fields: "id") { id: ID! benefits: [String!]! }`;

const residentsResolvers: Resolvers = {
  Query: {
    me: (_source, _args, { caller }) => {
      // As the identity subgraph does: the reason the token was refused reaches the resident.
      if (!caller.residentId) {
        throw new UnauthenticatedError(
          `Sign in to see this information${caller.authError ? ` (${caller.authError})` : ''}.`,
        );
      }
      return {
        id: caller.residentId,
        givenName: caller.residentId === 'rsd_ava' ? 'Ava' : 'Someone',
      };
    },
  },
};

const catalogResolvers: Resolvers = {
  Query: {
    lifeEvents: () => ['TURNING_65', 'MOVING'],
    boom: () => {
      throw new Error('connect ECONNREFUSED db.internal.example:5432');
    },
    leaky: () => {
      throw new GraphQLError('password authentication failed at db.internal.example', {
        extensions: { code: 'DATABASE_DOWN', host: 'db.internal.example' },
      });
    },
  },
  Resident: {
    __resolveReference: (ref: { id: string }) => ref,
    benefits: () => ['Medicare Part A'],
  },
};

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: JSON.parse(text) as GraphQLBody,
  };
}

/** A URL where a subgraph was listening a moment ago: a stopped subgraph. */
async function stoppedSubgraphUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

/** The registry `npm start` uses: the development client is first-party with every scope. */
const repositoryClientRegistry = () =>
  loadClientRegistry(fileURLToPath(new URL('../../config/clients.json', import.meta.url)));

let gatewayKey: SigningKey;
let issuerKey: SigningKey;
let residents: TestSubgraph;
let catalog: TestSubgraph;
let supergraphSdl: string;
const gateways: Gateway[] = [];
let gatewayUrl: string;

async function startGateway(overrides: Partial<GatewayDeps> = {}): Promise<string> {
  const gateway = createGateway({
    supergraphSdl,
    verifyAccessToken: createAccessTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      jwks: issuerKey.jwks,
    }),
    clients: repositoryClientRegistry(),
    callerSigningKey: gatewayKey,
    logger,
    ...overrides,
  });
  gateways.push(gateway);
  return gateway.listen(0);
}

const tokenFor = (residentId: string, options = {}) =>
  issueAccessToken(issuerKey, { residentId, ...options });

beforeAll(async () => {
  gatewayKey = (await generateSigningKey('gateway-test')).key;
  issuerKey = (await generateSigningKey('issuer-test')).key;
  residents = await startSubgraph('residents', residentsSdl, residentsResolvers, gatewayKey);
  catalog = await startSubgraph('catalog', catalogSdl, catalogResolvers, gatewayKey);
  const composed = composeServices(
    [residents, catalog].map(({ name, url }) => ({
      name,
      url,
      typeDefs: parse(name === 'residents' ? residentsSdl : catalogSdl),
    })),
  );
  if (!composed.supergraphSdl) throw new Error(composed.errors?.map((e) => e.message).join('\n'));
  supergraphSdl = composed.supergraphSdl;
  gatewayUrl = await startGateway();
});

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await Promise.all([residents?.stop(), catalog?.stop()]);
});

beforeEach(() => {
  residents.received.length = 0;
  catalog.received.length = 0;
  logLines.length = 0;
});

describe('gateway', () => {
  it("tells every subgraph who the token's resident is, and never passes on the token", async () => {
    const { status, headers, body } = await post(gatewayUrl, '{ me { id givenName benefits } }', {
      authorization: `Bearer ${await tokenFor('rsd_ava', { assurance: 'VERIFIED_FACIAL_MATCH' })}`,
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { me: { id: 'rsd_ava', givenName: 'Ava', benefits: ['Medicare Part A'] } },
    });
    const requestId = headers.get('x-request-id');
    const expected = {
      residentId: 'rsd_ava',
      assurance: 'VERIFIED_FACIAL_MATCH',
      requestId,
      authError: null,
    };
    // Both subgraphs, each with a token for itself (their verifiers check the audience).
    expect(residents.received.map((r) => r.caller)).toEqual([expect.objectContaining(expected)]);
    expect(catalog.received.map((r) => r.caller)).toEqual([expect.objectContaining(expected)]);
    for (const { headers: sent } of [...residents.received, ...catalog.received]) {
      expect(sent['authorization']).toBeUndefined();
      expect(sent['x-request-id']).toBe(requestId);
    }
  });

  it("reuses a resident's caller token across requests, each request with its own id", async () => {
    const ava = `Bearer ${await tokenFor('rsd_ava')}`;
    const first = await post(gatewayUrl, '{ me { id } }', { authorization: ava });
    const second = await post(gatewayUrl, '{ me { id } }', { authorization: ava });
    const ben = await post(gatewayUrl, '{ me { id } }', {
      authorization: `Bearer ${await tokenFor('rsd_ben')}`,
    });
    expect([first, second, ben].map((r) => r.body.data)).toEqual([
      { me: { id: 'rsd_ava' } },
      { me: { id: 'rsd_ava' } },
      { me: { id: 'rsd_ben' } },
    ]);
    const [toFirst, toSecond, toBen] = residents.received;
    expect(toSecond!.headers[CALLER_HEADER]).toBe(toFirst!.headers[CALLER_HEADER]);
    expect(toBen!.headers[CALLER_HEADER]).not.toBe(toFirst!.headers[CALLER_HEADER]);
    expect([toFirst, toSecond, toBen].map((r) => r!.caller.requestId)).toEqual(
      [first, second, ben].map((r) => r.headers.get('x-request-id')),
    );
    expect(new Set([first, second, ben].map((r) => r.headers.get('x-request-id'))).size).toBe(3);
  });

  it("ignores a caller header sent by the client, even one validly signed by the gateway's key", async () => {
    const forged = await signCallerToken(
      {
        residentId: 'rsd_walter',
        clientId: null,
        scopes: ['resident:read'],
        assurance: 'VERIFIED',
        requestId: 'x',
        authError: null,
      },
      gatewayKey,
      'residents',
    );
    const anonymous = await post(gatewayUrl, '{ me { id } }', { [CALLER_HEADER]: forged });
    expect(anonymous.body.data).toEqual({ me: null });
    expect(anonymous.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    expect(residents.received.map((r) => r.caller.residentId)).toEqual([null]);

    const signedIn = await post(gatewayUrl, '{ me { id } }', {
      [CALLER_HEADER]: forged,
      authorization: `Bearer ${await tokenFor('rsd_ava')}`,
    });
    expect(signedIn.body).toEqual({ data: { me: { id: 'rsd_ava' } } });
    expect(residents.received.map((r) => r.caller.residentId)).toEqual([null, 'rsd_ava']);
    expect(residents.received.every((r) => r.headers[CALLER_HEADER] !== forged)).toBe(true);
  });

  it('runs a request with a refused token anonymously: public fields answer, `me` says why it is null', async () => {
    const { status, body } = await post(gatewayUrl, '{ lifeEvents me { id } }', {
      authorization: `Bearer ${await tokenFor('rsd_ava', { expiresIn: '-1h' })}`,
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({ lifeEvents: ['TURNING_65', 'MOVING'], me: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Sign in to see this information (the access token has expired).',
      path: ['me'],
      extensions: { code: 'UNAUTHENTICATED', serviceName: 'residents' },
    });
    expect(residents.received.map((r) => r.caller.authError)).toEqual([
      'the access token has expired',
    ]);
  });

  it('answers with partial data and SUBGRAPH_UNAVAILABLE when a subgraph is down', async () => {
    const url = await startGateway({ subgraphUrls: { catalog: await stoppedSubgraphUrl() } });
    const { status, text, body } = await post(url, '{ me { id } lifeEvents }', {
      authorization: `Bearer ${await tokenFor('rsd_ava')}`,
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({ me: { id: 'rsd_ava' }, lifeEvents: null });
    expect(body.errors).toEqual([
      {
        message:
          'The catalog service is not available right now, so part of this answer is missing. Please try again later.',
        path: ['lifeEvents'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', agency: 'catalog', serviceName: 'catalog' },
      },
    ]);
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stacktrace/);
  });

  it('reports a subgraph that refuses the gateway (key mismatch) as unavailable, not as the client being signed out', async () => {
    const strangerKey = (await generateSigningKey('gateway-test')).key;
    const url = await startGateway({ callerSigningKey: strangerKey });
    const { body } = await post(url, '{ lifeEvents }', {
      authorization: `Bearer ${await tokenFor('rsd_ava')}`,
    });
    expect(body.data).toEqual({ lifeEvents: null });
    expect(body.errors?.map((e) => e.extensions)).toEqual([
      { code: 'SUBGRAPH_UNAVAILABLE', agency: 'catalog', serviceName: 'catalog' },
    ]);
  });

  it('masks unexpected errors and errors with unregistered codes, keeping the rest of the answer', async () => {
    const { status, headers, text, body } = await post(gatewayUrl, '{ lifeEvents boom leaky }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ lifeEvents: ['TURNING_65', 'MOVING'], boom: null, leaky: null });
    expect(body.errors).toHaveLength(2);
    for (const error of body.errors ?? []) {
      expect(error).toEqual({
        message: 'Something went wrong on our side. Please try again later.',
        path: [expect.stringMatching(/^(boom|leaky)$/)],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: headers.get('x-request-id') },
      });
    }
    expect(text).not.toMatch(/db\.internal|ECONNREFUSED|password|DATABASE_DOWN|stacktrace/);
    // Operators get the detail, with the request id the client was given.
    const logged = logLines.filter((line) => line['msg'] === 'unexpected error');
    expect(logged).toHaveLength(2);
    for (const line of logged) expect(line['requestId']).toBe(headers.get('x-request-id'));
    expect(JSON.stringify(logged)).toContain('ECONNREFUSED db.internal.example:5432');
  });

  it('keeps a sane x-request-id and replaces anything else', async () => {
    const kept = await post(gatewayUrl, '{ lifeEvents }', { 'x-request-id': 'trace-7f3a.01:x' });
    expect(kept.headers.get('x-request-id')).toBe('trace-7f3a.01:x');
    expect(catalog.received[0]?.caller.requestId).toBe('trace-7f3a.01:x');

    for (const bad of ['two words', 'x'.repeat(200), '{"level":60}']) {
      const replaced = await post(gatewayUrl, '{ lifeEvents }', { 'x-request-id': bad });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('sends GraphQL answers without an ETag (hashing each answer bought nothing for POST)', async () => {
    const answered = await post(gatewayUrl, '{ lifeEvents }');
    expect(answered.status).toBe(200);
    expect(answered.headers.get('etag')).toBeNull();
  });

  it('serves health and the public caller-token keys', async () => {
    const origin = new URL(gatewayUrl).origin;
    const health = await fetch(`${origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', service: 'gateway' });

    const jwks = await fetch(`${origin}/.well-known/caller-jwks.json`);
    const body = (await jwks.json()) as { keys: Record<string, unknown>[] };
    expect(body).toEqual(gatewayKey.jwks);
    expect(body.keys[0]).not.toHaveProperty('d');
    // What a subgraph operator downloads verifies the tokens the gateway sends.
    const token = await signCallerToken(anonymousCaller('test'), gatewayKey, 'catalog');
    await expect(createCallerVerifier(body, 'catalog')(token)).resolves.toBeDefined();
  });

  it('answers a body that is not JSON with a JSON error, not an HTML stack trace', async () => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const text = await response.text();
    expect(text).not.toMatch(/<html|at |node_modules/i);
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: expect.stringContaining('JSON') as unknown,
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('refuses URL overrides for subgraphs the supergraph does not have', () => {
    expect(() =>
      createGateway({
        supergraphSdl,
        subgraphUrls: { catalgo: 'http://127.0.0.1:1/graphql' },
        verifyAccessToken: async () => {
          throw new Error('unused');
        },
        clients: repositoryClientRegistry(),
        callerSigningKey: gatewayKey,
        logger,
      }),
    ).toThrow(/SUBGRAPH_URLS names subgraphs .*catalgo \(it has: catalog, residents\)/);
  });

  it('refuses resilience settings for subgraphs the supergraph does not have', () => {
    expect(() =>
      createGateway({
        supergraphSdl,
        resilience: { '*': { timeoutMs: 100 }, resident: { timeoutMs: 100 } },
        verifyAccessToken: async () => {
          throw new Error('unused');
        },
        clients: repositoryClientRegistry(),
        callerSigningKey: gatewayKey,
        logger,
      }),
    ).toThrow(/SUBGRAPH_RESILIENCE names subgraphs .*resident \(it has/);
  });
});
