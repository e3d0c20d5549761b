import {
  anonymousCaller,
  CALLER_HEADER,
  createCallerVerifier,
  generateSigningKey,
  signCallerToken,
  type Caller,
  type SigningKey,
} from '@resident-graph/caller';
import { createLogger } from '@resident-graph/logging';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallerTokens } from './auth/caller-tokens.js';
import type { GatewayContext } from './context.js';
import {
  CallerTokenDataSource,
  createSubgraphFetcher,
  SubgraphUnavailableError,
} from './data-source.js';
import { SubgraphFailureError, SubgraphFetchFailure } from './resilience/subgraph-errors.js';

const logger = createLogger('gateway-test', 'silent');
let key: SigningKey;

beforeAll(async () => {
  key = (await generateSigningKey('gateway-test')).key;
});

const ava: Caller = {
  residentId: 'rsd_ava',
  clientId: 'web',
  scopes: ['resident:read'],
  assurance: 'VERIFIED',
  requestId: 'req-42',
  authError: null,
};

function context(caller: Caller): GatewayContext {
  return { caller, requestId: caller.requestId, logger, callerTokens: new Map(), disclosed: false };
}

/** The options RemoteGraphQLDataSource.process hands to willSendRequest for a client's operation. */
function incomingOperation(ctx: GatewayContext, headers: Record<string, string>) {
  return {
    kind: 'incoming operation',
    request: {
      query: '{ me { id } }',
      http: { method: 'POST', url: 'http://ssa.test/graphql', headers: new Headers(headers) },
    },
    context: ctx,
    incomingRequestContext: {},
  } as never;
}

const headersOf = (options: never) =>
  (options as { request: { http: { headers: Headers } } }).request.http.headers;

describe('CallerTokenDataSource.willSendRequest', () => {
  it("signs the request's caller for this subgraph only", async () => {
    const source = new CallerTokenDataSource({
      name: 'ssa',
      url: 'http://ssa.test/graphql',
      callerTokens: createCallerTokens(key),
      logger,
    });
    const options = incomingOperation(context(ava), {});
    await source.willSendRequest(options);
    const token = headersOf(options).get(CALLER_HEADER) ?? undefined;
    const requestId = headersOf(options).get('x-request-id') ?? undefined;
    await expect(createCallerVerifier(key.jwks, 'ssa')(token, requestId)).resolves.toEqual(ava);
    // The same token is worthless at another subgraph.
    await expect(createCallerVerifier(key.jwks, 'irs')(token)).rejects.toThrow(
      /invalid caller token/,
    );
    expect(headersOf(options).get('x-request-id')).toBe('req-42');
  });

  it('overwrites a caller header and drops an Authorization header already on the request', async () => {
    const source = new CallerTokenDataSource({
      name: 'ssa',
      url: 'http://ssa.test/graphql',
      callerTokens: createCallerTokens(key),
      logger,
    });
    const forger = (await generateSigningKey('gateway-test')).key;
    const forged = await signCallerToken({ ...ava, residentId: 'rsd_walter' }, forger, 'ssa');
    const options = incomingOperation(
      context(anonymousCaller('req-7', 'the access token has expired')),
      {
        [CALLER_HEADER]: forged,
        authorization: 'Bearer client-token',
      },
    );
    await source.willSendRequest(options);
    const headers = headersOf(options);
    expect(headers.get(CALLER_HEADER)).not.toBe(forged);
    expect(headers.get('authorization')).toBeNull();
    await expect(
      createCallerVerifier(key.jwks, 'ssa')(
        headers.get(CALLER_HEADER) ?? undefined,
        headers.get('x-request-id') ?? undefined,
      ),
    ).resolves.toEqual(anonymousCaller('req-7', 'the access token has expired'));
  });

  it('signs one token per subgraph per request', async () => {
    const source = new CallerTokenDataSource({
      name: 'ssa',
      url: 'http://ssa.test/graphql',
      callerTokens: createCallerTokens(key),
      logger,
    });
    const ctx = context(ava);
    const first = incomingOperation(ctx, {});
    const second = incomingOperation(ctx, {});
    await source.willSendRequest(first);
    await source.willSendRequest(second);
    expect(headersOf(second).get(CALLER_HEADER)).toBe(headersOf(first).get(CALLER_HEADER));
    expect([...ctx.callerTokens.keys()]).toEqual(['ssa']);
  });

  it("gives the gateway's own requests (health checks) an anonymous caller token", async () => {
    const source = new CallerTokenDataSource({
      name: 'ssa',
      url: 'http://ssa.test/graphql',
      callerTokens: createCallerTokens(key),
      logger,
    });
    const options = {
      kind: 'health check',
      request: {
        query: '{ __typename }',
        http: { method: 'POST', url: 'http://ssa.test/graphql', headers: new Headers() },
      },
      context: {},
    } as never;
    await source.willSendRequest(options);
    await expect(
      createCallerVerifier(key.jwks, 'ssa')(
        headersOf(options).get(CALLER_HEADER) ?? undefined,
        headersOf(options).get('x-request-id') ?? undefined,
      ),
    ).resolves.toEqual(anonymousCaller('gateway'));
  });
});

describe('CallerTokenDataSource.didEncounterError', () => {
  const source = () =>
    new CallerTokenDataSource({
      name: 'irs',
      url: 'http://irs.test/graphql',
      callerTokens: createCallerTokens(key),
      logger,
    });
  const failureOf = (error: Error, response?: Response) => {
    try {
      source().didEncounterError(error, undefined, response);
    } catch (thrown) {
      return thrown as SubgraphFetchFailure;
    }
    throw new Error('did not throw');
  };

  it('names a connection failure unavailable', () => {
    const failure = failureOf(new Error('connect ECONNREFUSED 10.1.2.3:4106'));
    expect(failure).toBeInstanceOf(SubgraphFetchFailure);
    expect(failure.kind).toBe('unavailable');
    expect(failure.retryable).toBe(true);
  });

  it('names refusals and 502, 503, 504 unavailable (only the last three retryable), any other error status a bad response', () => {
    for (const status of [401, 403, 429, 502, 503, 504])
      expect(failureOf(new Error('x'), new Response('', { status })).kind).toBe('unavailable');
    expect(
      [401, 403, 429, 502, 503, 504].map(
        (status) => failureOf(new Error('x'), new Response('', { status })).retryable,
      ),
    ).toEqual([false, false, false, true, true, true]);
    for (const status of [500, 404, 400])
      expect(failureOf(new Error('x'), new Response('', { status })).kind).toBe('bad-response');
  });

  it('names a 200 whose body is not JSON a bad response', () => {
    expect(failureOf(new SyntaxError('Unexpected token'), new Response('<html>')).kind).toBe(
      'bad-response',
    );
  });
});

describe('SubgraphFailureError', () => {
  it('names the case and the agency, without internal detail', () => {
    const error = new SubgraphUnavailableError('irs');
    expect(error.extensions).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      agency: 'irs',
      serviceName: 'irs',
    });
    expect(error.message).toContain('irs');
    expect(new SubgraphFailureError('circuit-open', 'ssa').extensions.code).toBe(
      'SUBGRAPH_CIRCUIT_OPEN',
    );
  });
});

describe('createSubgraphFetcher', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/partial')
        reply(401, {
          data: { me: null },
          errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }],
        });
      else if (req.url === '/refused')
        reply(401, { errors: [{ message: 'only through the gateway' }] });
      else if (req.url === '/slow') setTimeout(() => reply(200, { data: {} }), 2_000);
      else reply(200, { data: { ok: true } });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const fetcher = () =>
    createSubgraphFetcher(
      (url, init) => fetch(url, init),
      () => AbortSignal.timeout(200),
    );

  it('passes successful responses through', async () => {
    const response = await fetcher()(`${base}/ok`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { ok: true } });
  });

  it('keeps an executed result that came with an error status, so partial data survives', async () => {
    const response = await fetcher()(`${base}/partial`);
    expect(response.ok).toBe(true);
    expect(await response.json()).toMatchObject({
      data: { me: null },
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('leaves a refused request (no data) as the failure it is', async () => {
    const response = await fetcher()(`${base}/refused`);
    expect(response.ok).toBe(false);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: [{ message: 'only through the gateway' }] });
  });

  it('gives up on a subgraph that does not answer in time', async () => {
    await expect(fetcher()(`${base}/slow`)).rejects.toThrow(/abort|timeout/i);
  });
});
