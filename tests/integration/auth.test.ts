import { CALLER_HEADER, generateSigningKey } from '@resident-graph/caller';
import { issueAccessToken } from '@resident-graph/dev-issuer';
import { personaResidentId } from '@resident-graph/personas';
import { TEST_AUDIENCE, TEST_ISSUER, type TestSystem } from '@resident-graph/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './system.js';

const ME = '{ me { id givenName } }';

describe('who is asking: access tokens at the gateway, caller tokens at subgraphs', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  const expectUnauthenticatedMe = (
    result: Awaited<ReturnType<TestSystem['query']>>,
    reason?: RegExp,
  ) => {
    expect(result.data).toEqual({ me: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    if (reason) expect(result.errors?.[0]?.message).toMatch(reason);
  };

  it('answers me for the token’s resident', async () => {
    const result = await system.query(ME, { token: await system.token(personaResidentId('nora')) });
    expect(result).toMatchObject({ data: { me: { id: 'rsd_nora', givenName: 'Nora' } } });
    expect(result.errors).toBeUndefined();
  });

  it('without a token, me is null with UNAUTHENTICATED', async () => {
    expectUnauthenticatedMe(await system.query(ME));
  });

  it('rejects a token signed by another key', async () => {
    const otherKey = (await generateSigningKey('impostor')).key;
    const token = await issueAccessToken(otherKey, {
      residentId: 'rsd_ava',
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
    });
    expectUnauthenticatedMe(await system.query(ME, { token }));
  });

  it('rejects a token from another issuer', async () => {
    const token = await system.token('rsd_ava', { issuer: 'https://evil.example' });
    expectUnauthenticatedMe(await system.query(ME, { token }));
  });

  it('rejects a token for another audience', async () => {
    const token = await system.token('rsd_ava', { audience: 'someone-else' });
    expectUnauthenticatedMe(await system.query(ME, { token }));
  });

  it('rejects an expired token and says so', async () => {
    const token = await system.token('rsd_ava', {
      expiresIn: '1 hour ago',
    });
    expectUnauthenticatedMe(await system.query(ME, { token }), /expired/i);
  });

  it('does not let resident A read resident B', async () => {
    const token = await system.token(personaResidentId('ava'));
    const result = await system.query('{ resident(id: "rsd_marcus") { id givenName birthDate } }', {
      token,
    });
    expect(result.data).toEqual({ resident: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('ignores a caller header forged by a client', async () => {
    // A client copying the internal header (even a well-formed one) must not become that resident.
    const result = await system.query(ME, {
      headers: { [CALLER_HEADER]: 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJyc2RfYXZhIn0.c2ln' },
    });
    expectUnauthenticatedMe(result);
  });

  it('a subgraph refuses a direct call that did not come through the gateway', async () => {
    for (const url of Object.values(system.subgraphUrls)) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      expect(response.status, url).toBe(401);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a subgraph refuses a direct call with a caller token not signed by the gateway', async () => {
    const impostor = (await generateSigningKey('impostor')).key;
    const { signCallerToken } = await import('@resident-graph/caller');
    const forged = await signCallerToken(
      {
        residentId: 'rsd_ava',
        clientId: 'x',
        scopes: [],
        assurance: 'VERIFIED',
        requestId: 'r',
        authError: null,
      },
      impostor,
      'identity',
    );
    const response = await fetch(system.subgraphUrls['identity']!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: forged },
      body: JSON.stringify({ query: ME }),
    });
    expect(response.status).toBe(401);
  });
});
