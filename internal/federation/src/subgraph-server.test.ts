import {
  CALLER_HEADER,
  createCallerVerifier,
  generateSigningKey,
  signCallerToken,
} from '@resident-graph/caller';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server.js';

/** The subgraph's log lines, as JSON objects, so tests can check what operators would see. */
const logLines: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'info' },
  { write: (line: string) => logLines.push(JSON.parse(line)) },
);

describe('subgraph server', () => {
  let server: SubgraphServer;
  let url: string;
  let token: string;
  let databaseUp = true;

  beforeAll(async () => {
    const { key } = await generateSigningKey('gateway');
    const schema = buildSubgraphSchema({
      typeDefs: parse('type Query { ok: String, boom: String }'),
      resolvers: {
        Query: {
          ok: () => 'yes',
          boom: () => {
            throw new Error('SQLITE_CORRUPT at /var/lib/x.sqlite');
          },
        },
      },
    });
    server = createSubgraphServer({
      name: 'test',
      schema,
      logger,
      verifyCaller: createCallerVerifier(key.jwks, 'test'),
      createContext: () => ({}),
      checkDependencies: async () => {
        if (!databaseUp) throw new Error('database is closed');
        return { database: 'up', redis: 'not configured' };
      },
    });
    url = await server.listen(0);
    token = await signCallerToken(
      {
        residentId: 'rsd_1',
        clientId: 'c',
        scopes: [],
        assurance: 'VERIFIED',
        requestId: 'req-42',
        authError: null,
      },
      key,
      'test',
    );
  });
  afterAll(() => server.stop());

  const get = async (path: string) => {
    const response = await fetch(new URL(path, url));
    return { status: response.status, text: await response.text() };
  };

  it('is live, and ready only while its database answers', async () => {
    expect((await get('/health')).status).toBe(200);
    expect((await get('/health/live')).status).toBe(200);
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({
      status: 'ready',
      service: 'test',
      checks: {
        schema: expect.stringMatching(/^[0-9a-f]{64}$/),
        database: 'up',
        redis: 'not configured',
      },
    });
    databaseUp = false;
    try {
      const notReady = await get('/health/ready');
      expect(notReady.status).toBe(503);
      expect(JSON.parse(notReady.text)).toMatchObject({ status: 'not ready' });
      // Liveness never depends on the database: a restart would not bring it back.
      expect((await get('/health/live')).status).toBe(200);
    } finally {
      databaseUp = true;
    }
  });

  it('serves Prometheus metrics counting requests by operation name', async () => {
    await post(JSON.stringify({ query: 'query Probe { ok }' }), { [CALLER_HEADER]: token });
    const { status, text } = await get('/metrics');
    expect(status).toBe(200);
    expect(text).toMatch(
      /graphql_requests_total\{[^}]*operation="Probe"[^}]*outcome="ok"[^}]*\} 1/,
    );
    expect(text).toMatch(/graphql_request_duration_seconds_count\{[^}]*operation="Probe"/);
    expect(text).toContain('service="test"');
  });

  it('sends no Cache-Control with an answer that has no cache hint', async () => {
    // Apollo's default is `no-store`, which would keep the gateway from ever applying the hints
    // its operator configured for an agency that says nothing (RESPONSE_CACHE_SUBGRAPH_HINTS).
    const response = await post(JSON.stringify({ query: '{ ok }' }), { [CALLER_HEADER]: token });
    expect(await response.json()).toEqual({ data: { ok: 'yes' } });
    expect(response.headers.get('cache-control')).toBeNull();
  });

  it('keeps idle connections open longer than a gateway keeps them', async () => {
    const response = await post(JSON.stringify({ query: '{ ok }' }), { [CALLER_HEADER]: token });
    await response.arrayBuffer();
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('refuses a body from anyone but the gateway before reading it, as JSON without internals', async () => {
    const response = await post('{not json');
    expect(response.status).toBe(401);
    expect(response.headers.get('x-powered-by')).toBeNull();
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(text).not.toMatch(/node_modules|at .*\.js|<html/i);
  });

  it('answers a malformed body from the gateway with BAD_REQUEST JSON, not a stack trace', async () => {
    const response = await post('{not json', { [CALLER_HEADER]: token });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(text).not.toMatch(/node_modules|<html/i);
  });

  it('answers a body over 1 MB with REQUEST_TOO_LARGE JSON, and logs the request', async () => {
    logLines.length = 0;
    const big = JSON.stringify({ query: '{ ok }', variables: { pad: 'x'.repeat(1_100_000) } });
    const response = await post(big, { [CALLER_HEADER]: token, 'x-request-id': 'req-42' });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'REQUEST_TOO_LARGE' } }],
    });
    expect(logLines.filter((line) => line['msg'] === 'graphql request')).toEqual([
      expect.objectContaining({ requestId: 'req-42', status: 413, operationName: null }),
    ]);
  });

  it('logs one access line per request, with the request id and the operation name', async () => {
    logLines.length = 0;
    // As the gateway sends it: the operation's name beside its text.
    const body = JSON.stringify({ query: 'query Probe { ok }', operationName: 'Probe' });
    const response = await post(body, { [CALLER_HEADER]: token, 'x-request-id': 'req-42' });
    await response.arrayBuffer();
    // The line is written when the response finishes, which the client may see first.
    await expect
      .poll(() => logLines.filter((line) => line['msg'] === 'graphql request'))
      .toEqual([
        expect.objectContaining({
          requestId: 'req-42',
          operationName: 'Probe',
          status: 200,
          durationMs: expect.any(Number),
        }),
      ]);
  });

  it('serves GraphQL at /graphql with a trailing slash or a query string, and nowhere else', async () => {
    for (const path of ['/graphql/', '/graphql?x=1', '/graphql/?x=1']) {
      const response = await fetch(url.replace('/graphql', path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: token },
        body: JSON.stringify({ query: '{ ok }' }),
      });
      expect(await response.json(), path).toEqual({ data: { ok: 'yes' } });
    }
    const elsewhere = await fetch(url.replace('/graphql', '/graphqlx'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: token },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    expect(elsewhere.status).toBe(404);
  });

  it('masks unexpected errors, keeping the request id the gateway sent beside the token', async () => {
    logLines.length = 0;
    const response = await post(JSON.stringify({ query: '{ ok boom }' }), {
      [CALLER_HEADER]: token,
      'x-request-id': 'req-42',
    });
    const body = (await response.json()) as { data: unknown; errors: unknown[] };
    expect(body.data).toEqual({ ok: 'yes', boom: null });
    expect(body.errors).toEqual([
      {
        message: expect.any(String),
        path: ['boom'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
      },
    ]);
    expect(JSON.stringify(body)).not.toContain('SQLITE');
    // Operators get the detail, once, with the request id the gateway gave.
    const logged = logLines.filter((line) => line['msg'] === 'unexpected error');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.['requestId']).toBe('req-42');
    expect(JSON.stringify(logged)).toContain('SQLITE_CORRUPT at /var/lib/x.sqlite');
  });

  it('answers unknown paths and a browser GET with JSON, never an HTML page', async () => {
    for (const [path, headers] of [
      ['/nope', {}],
      ['/', {}],
      ['/graphql', { [CALLER_HEADER]: token, accept: 'text/html' }],
    ] as const) {
      const response = await fetch(url.replace('/graphql', path), { headers });
      expect(response.headers.get('content-type'), path).toMatch(/application\/json/);
      expect(await response.text(), path).not.toMatch(/<html|cdn/i);
    }
  });
});
