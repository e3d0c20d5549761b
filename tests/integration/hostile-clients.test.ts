import { DEFAULT_LIMITS, loadPersistedOperations } from '@resident-graph/gateway';
import type { TestSystem } from '@resident-graph/testing/system';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './system.js';

// Every hostile input gets a clear error with a documented code (docs/errors.md), never a crash, a
// stack trace or a hang, and nothing reaches an agency. Limits are the gateway's defaults
// (gateway/src/protection/limits.ts) unless a test says otherwise.
interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(url: string, init: RequestInit & { path?: string } = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/); // no stack trace, no file paths
  return { status: response.status, body: JSON.parse(text) as Answer['body'] };
}
const post = (url: string, body: unknown) => send(url, { body: JSON.stringify(body) });
const codesOf = (answer: Answer) => answer.body.errors?.map((e) => e.extensions?.code);

describe('hostile clients, default limits', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  const refusedBeforeAnyFetch = async (
    answer: Answer,
    status: number,
    code: string,
    message?: RegExp,
  ) => {
    expect(answer.status).toBe(status);
    expect(codesOf(answer)).toEqual([code]);
    if (message) expect(answer.body.errors?.[0]?.message).toMatch(message);
    for (const name of Object.keys(system.subgraphUrls))
      expect(system.subgraphRequests(name)).toEqual([]);
  };

  it('refuses 5,000 aliases before parsing them all (token limit)', async () => {
    system.clearSubgraphRequests();
    const query = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: lifeEvents { kind }`).join(' ')} }`;
    await refusedBeforeAnyFetch(
      await post(system.url, { query }),
      400,
      'GRAPHQL_PARSE_FAILED',
      /2000 tokens/,
    );
  });

  it('refuses more aliases than the limit', async () => {
    system.clearSubgraphRequests();
    const query = `{ lifeEvent(kind: MOVING) { ${Array.from({ length: 16 }, (_, i) => `t${i}: title`).join(' ')} } }`;
    await refusedBeforeAnyFetch(
      await post(system.url, { query }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /Aliases limit of 15/,
    );
  });

  it('refuses resident → journey → task → resident → … nesting past the depth limit', async () => {
    system.clearSubgraphRequests();
    let selection = 'id';
    for (let i = 0; i < 4; i++) {
      selection = `journey(event: TURNING_65) { steps { task { ... on MedicareEnrollment { resident { ${selection} } } } } }`;
    }
    await refusedBeforeAnyFetch(
      await post(system.url, { query: `{ me { ${selection} } }` }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /depth limit of 10/,
    );
  });

  it('refuses more root fields than the limit', async () => {
    system.clearSubgraphRequests();
    const query = `{ ${Array.from({ length: 11 }, (_, i) => `e${i}: lifeEvents { kind }`).join(' ')} }`;
    await refusedBeforeAnyFetch(
      await post(system.url, { query }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /Root field limit of 10/,
    );
  });

  it('refuses more directives than the limit', async () => {
    system.clearSubgraphRequests();
    const query = `{ lifeEvent(kind: MOVING) { ${Array.from({ length: 21 }, () => 'title @include(if: true)').join(' ')} } }`;
    await refusedBeforeAnyFetch(
      await post(system.url, { query }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /Directives limit/,
    );
  });

  it('refuses a batch of operations', async () => {
    system.clearSubgraphRequests();
    const answer = await post(system.url, [
      { query: '{ lifeEvents { kind } }' },
      { query: '{ lifeEvents { kind } }' },
    ]);
    await refusedBeforeAnyFetch(answer, 400, 'BAD_REQUEST');
  });

  it('refuses a body over the size limit with 413', async () => {
    system.clearSubgraphRequests();
    const answer = await post(system.url, {
      query: `{ lifeEvents { kind } }`,
      padding: 'x'.repeat(300_000),
    });
    await refusedBeforeAnyFetch(answer, 413, 'REQUEST_TOO_LARGE');
  });

  it('refuses malformed JSON', async () => {
    system.clearSubgraphRequests();
    await refusedBeforeAnyFetch(
      await send(system.url, { body: '{"query": "{ lifeEvents { kind } }"' }),
      400,
      'BAD_REQUEST',
    );
  });

  it('refuses variables nested deeper than the limit', async () => {
    system.clearSubgraphRequests();
    // Written by hand: JSON.stringify itself would overflow the stack on 50,000 levels.
    const deep = `${'['.repeat(50_000)}"MOVING"${']'.repeat(50_000)}`;
    const answer = await send(system.url, {
      body: `{"query": "query($kind: LifeEventKind!) { lifeEvent(kind: $kind) { title } }", "variables": {"kind": ${deep}}}`,
    });
    await refusedBeforeAnyFetch(answer, 400, 'BAD_USER_INPUT', /nest more than 8/);
  });

  it('refuses an operation name the document does not have', async () => {
    system.clearSubgraphRequests();
    const answer = await post(system.url, {
      query: 'query A { lifeEvents { kind } }',
      operationName: 'B',
    });
    await refusedBeforeAnyFetch(answer, 400, 'OPERATION_RESOLUTION_FAILURE');
  });

  it('refuses a GET without the CSRF-prevention header, and a mutation over GET', async () => {
    system.clearSubgraphRequests();
    const query = encodeURIComponent('{ lifeEvents { kind } }');
    const simple = await fetch(`${system.url}?query=${query}`);
    expect(simple.status).toBe(400);
    expect(((await simple.json()) as Answer['body']).errors?.[0]?.extensions?.code).toBe(
      'BAD_REQUEST',
    );
    // A valid mutation (the schema has them), so only the method can be what refuses it.
    const valid =
      'mutation { reportMove(input: { newAddress: { line1: "1 Main St", city: "Phoenix", state: "AZ", zip: "85004" }, movedOn: "2026-07-01" }, idempotencyKey: "get-mutation-01") { id } }';
    const mutation = await send(`${system.url}?query=${encodeURIComponent(valid)}`, {
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
    expect(codesOf(mutation)).toEqual(['BAD_REQUEST']);
    for (const name of Object.keys(system.subgraphUrls))
      expect(system.subgraphRequests(name)).toEqual([]);
  });

  it('answers GET queries that carry the preflight header (the CSRF prevention stays on, not off)', async () => {
    const answer = await send(
      `${system.url}?query=${encodeURIComponent('{ lifeEvents { kind } }')}`,
      {
        method: 'GET',
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({
      lifeEvents: [
        { kind: 'TURNING_65' },
        { kind: 'HAVING_A_CHILD' },
        { kind: 'MOVING' },
        { kind: 'LEAVING_MILITARY' },
      ],
    });
  });

  it('answers tokens that are not JWTs as anonymous, never with a crash', async () => {
    for (const authorization of [
      'Bearer ' + 'a'.repeat(5000),
      'Bearer a.b.c',
      'Basic dXNlcjpwYXNz',
      'Bearer',
    ]) {
      const answer = await send(system.url, {
        body: JSON.stringify({ query: '{ me { id } }' }),
        headers: { authorization },
      });
      expect(answer.status).toBe(200);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('hostile clients, tighter limits and production switches', () => {
  let system: TestSystem;
  let manifestDir: string;
  const registered = 'query Catalog { lifeEvents { kind title } }';
  const registeredHash = createHash('sha256').update(registered).digest('hex');

  beforeAll(async () => {
    manifestDir = mkdtempSync(join(tmpdir(), 'rg-persisted-'));
    const manifest = join(manifestDir, 'operations.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: registeredHash, name: 'Catalog', type: 'query', body: registered }],
      }),
    );
    system = await startSystem({
      gateway: {
        limits: { ...DEFAULT_LIMITS, maxCost: 40 },
        introspection: false,
        hideSchemaDetails: true,
        persistedOperations: loadPersistedOperations(manifest),
      },
    });
  });
  afterAll(async () => {
    await system?.stop();
    rmSync(manifestDir, { recursive: true, force: true });
  });

  it('runs a registered operation by its text or by its hash alone', async () => {
    const byText = await post(system.url, { query: registered });
    expect(byText.status).toBe(200);
    const byHash = await post(system.url, {
      extensions: { persistedQuery: { version: 1, sha256Hash: registeredHash } },
    });
    expect(byHash.body).toEqual(byText.body);
  });

  it('refuses any other operation in persisted-operations mode', async () => {
    const answer = await post(system.url, { query: '{ lifeEvents { kind } }' });
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['OPERATION_NOT_PERSISTED']);
  });

  it('refuses introspection and leaves field names out of errors', async () => {
    const introspection = await post(system.url, { query: '{ __schema { types { name } } }' });
    expect(introspection.status).toBe(400);
    expect(codesOf(introspection)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const typo = await post(system.url, { query: '{ lifeEvents { titel } }' });
    expect(codesOf(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean|title/);
  });
});

describe('the cost limit counts list sizes', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      gateway: {
        limits: { ...DEFAULT_LIMITS, maxCost: 40 },
      },
    });
  });
  afterAll(() => system?.stop());

  it('allows a cheap operation and refuses one whose lists multiply past the limit', async () => {
    // lifeEvents (a list of 10 assumed) × 2 fields = 21: allowed.
    expect((await post(system.url, { query: '{ lifeEvents { kind title } }' })).status).toBe(200);
    // lifeEvents × steps (lists) × 2 fields = 1 + 10 × (1 + 1 + 10 × 2) = 221: refused before any fetch.
    system.clearSubgraphRequests();
    const answer = await post(system.url, {
      query: '{ lifeEvents { kind steps { title agency } } }',
    });
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['OPERATION_TOO_COMPLEX']);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ cost: 221, maxCost: 40 });
    expect(system.subgraphRequests('life-events')).toEqual([]);
  });
});
