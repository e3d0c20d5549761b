import { personaResidentId } from '@resident-graph/personas';
import type { Fault } from '@resident-graph/testing';
import type { TestSystem } from '@resident-graph/testing/system';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQuery, startSystem, supergraphSdl } from './system.js';

type Task = { __typename: string; title?: string } | null;
type TurningSixtyFive = {
  me: { givenName: string; journey: { steps: { agency: string; task: Task }[] } };
};
const turning65 = exampleQuery('turning-65.graphql');

/** Generous bound that proves "answered, not hanging": far below the proxy's 60 s hang, far above any timeout here. */
const NOT_HANGING_MS = 8_000;

async function askAsAva(system: TestSystem) {
  const token = await system.token(personaResidentId('ava'));
  const started = performance.now();
  const result = await system.query<TurningSixtyFive>(turning65, { token });
  return { ...result, elapsedMs: performance.now() - started };
}

/** Ava's answer still carries every other agency's part: her name (identity) and her Medicare step (CMS). */
function expectOtherAgenciesAnswered(result: { status: number; data?: TurningSixtyFive | null }) {
  expect(result.status).toBe(200);
  expect(result.data?.me.givenName).toBe('Ava');
  const medicare = result.data?.me.journey.steps.find((s) => s.agency === 'CMS')?.task;
  expect(medicare).toMatchObject({ __typename: 'MedicareEnrollment', title: expect.any(String) });
}

async function readiness(system: TestSystem) {
  const response = await fetch(`${system.gatewayOrigin}/health/ready`);
  return {
    status: response.status,
    body: (await response.json()) as {
      status: string;
      checks: {
        supergraph: { hash: string };
        database: string;
        redis: string;
        breakers: Record<string, string>;
      };
    },
  };
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('one agency down', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
    await system.stopSubgraph('state');
  });
  afterAll(() => system?.stop());

  it('returns the rest of the journey with SUBGRAPH_UNAVAILABLE naming the agency', async () => {
    const result = await askAsAva(system);
    expectOtherAgenciesAnswered(result);
    const errors = result.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', agency: 'state' });
      expect(error.message).toMatch(/state/);
    }
    expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
  });
});

describe('each way an agency can fail is partial, named and fast', () => {
  let system: TestSystem;
  const timeoutMs = 1_000;
  beforeAll(async () => {
    system = await startSystem({
      proxied: ['state'],
      gateway: {
        resilience: {
          // The breaker stays out of the way here: each mode must show its own code.
          state: {
            timeoutMs,
            retry: { initialDelayMs: 10 },
            breaker: { consecutiveFailures: 1000 },
          },
        },
      },
    });
  });
  afterAll(() => system?.stop());

  const modes: [string, Fault, string][] = [
    ['refusing connections', { kind: 'refuse' }, 'SUBGRAPH_UNAVAILABLE'],
    ['answering 503', { kind: 'status', status: 503 }, 'SUBGRAPH_UNAVAILABLE'],
    ['slow past its timeout', { kind: 'delay', delayMs: 30_000 }, 'SUBGRAPH_TIMEOUT'],
    ['answering HTTP 500', { kind: 'status', status: 500 }, 'SUBGRAPH_BAD_RESPONSE'],
    ['answering malformed JSON', { kind: 'malformed-json' }, 'SUBGRAPH_BAD_RESPONSE'],
    ['answering a body of the wrong shape', { kind: 'wrong-shape' }, 'SUBGRAPH_BAD_RESPONSE'],
    ['hanging after the headers', { kind: 'hang-after-headers' }, 'SUBGRAPH_TIMEOUT'],
  ];

  it.each(modes)(
    'state %s → %s at the state task, the rest answered',
    async (_name, fault, code) => {
      system.proxies['state']!.setFault(fault);
      const result = await askAsAva(system);
      expectOtherAgenciesAnswered(result);
      expect(result.elapsedMs).toBeLessThan(NOT_HANGING_MS);
      const stateStep = result.data!.me.journey.steps.findIndex((s) => s.agency === 'STATE');
      expect(result.data!.me.journey.steps[stateStep]?.task).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({
          path: ['me', 'journey', 'steps', stateStep, 'task'],
          extensions: { code, agency: 'state', serviceName: 'state' },
        }),
      ]);
    },
  );

  it('answers in full again once the agency behaves', async () => {
    system.proxies['state']!.setFault({ kind: 'pass' });
    const result = await askAsAva(system);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me.journey.steps.find((s) => s.agency === 'STATE')?.task).toMatchObject({
      __typename: 'PassportRenewal',
    });
  });
});

describe('an agency killed mid-load', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      proxied: ['state'],
      gateway: {
        resilience: {
          state: {
            timeoutMs: 2_000,
            retry: { initialDelayMs: 10, maxDelayMs: 50 },
            breaker: { consecutiveFailures: 3, halfOpenAfterMs: 300 },
          },
        },
      },
    });
  });
  afterAll(() => system?.stop());

  it('never fails a request outright; the breaker opens, answers at once, and closes after the agency returns', async () => {
    const results: Awaited<ReturnType<typeof askAsAva>>[] = [];
    let loading = true;
    const worker = async () => {
      while (loading) results.push(await askAsAva(system));
    };
    const workers = Array.from({ length: 4 }, worker);
    const breaker = async () => (await readiness(system)).body.checks.breakers['state'];

    await waitFor('some answers before the kill', async () => results.length >= 8);
    expect(await breaker()).toBe('closed');
    await system.stopSubgraph('state');
    await waitFor('the breaker to open', async () => (await breaker()) === 'open');
    const openAt = results.length;
    await waitFor('answers while open', async () => results.length >= openAt + 8);
    await system.restartSubgraph('state');
    await waitFor('the breaker to close', async () => (await breaker()) === 'closed');
    const closedAt = results.length;
    await waitFor('answers after recovery', async () => results.length >= closedAt + 8);
    loading = false;
    await Promise.all(workers);

    for (const result of results) {
      expectOtherAgenciesAnswered(result);
      expect(result.elapsedMs).toBeLessThan(NOT_HANGING_MS);
      for (const error of result.errors ?? []) expect(error.extensions?.['agency']).toBe('state');
    }
    const codes = new Set(results.flatMap((r) => r.errors?.map((e) => e.extensions?.code) ?? []));
    expect(codes).toContain('SUBGRAPH_CIRCUIT_OPEN');
    expect(
      [...codes].every((c) => c === 'SUBGRAPH_UNAVAILABLE' || c === 'SUBGRAPH_CIRCUIT_OPEN'),
    ).toBe(true);
    // While open, answers came at once with the breaker's code, without waiting on the agency.
    const whileOpen = results.slice(openAt, openAt + 8);
    expect(whileOpen.some((r) => r.errors?.[0]?.extensions?.code === 'SUBGRAPH_CIRCUIT_OPEN')).toBe(
      true,
    );
    // After recovery, whole answers again.
    expect(results.at(-1)?.errors).toBeUndefined();

    const metrics = await (await fetch(`${system.gatewayOrigin}/metrics`)).text();
    expect(metrics).toMatch(
      /subgraph_breaker_state\{[^}]*agency="state"[^}]*state="closed"[^}]*\} 1/,
    );
    expect(metrics).toMatch(
      /subgraph_fetch_errors_total\{[^}]*agency="state"[^}]*code="SUBGRAPH_CIRCUIT_OPEN"[^}]*\} [1-9]/,
    );
  });

  it('reports the supergraph version, dependencies and every breaker in readiness', async () => {
    const { status, body } = await readiness(system);
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.checks.supergraph.hash).toBe(
      createHash('sha256').update(supergraphSdl).digest('hex'),
    );
    expect(body.checks.database).toBe('not configured');
    expect(body.checks.redis).toBe('not configured');
    expect(Object.keys(body.checks.breakers).sort()).toEqual([
      'cms',
      'identity',
      'irs',
      'life-events',
      'ssa',
      'state',
      'usps',
      'va',
    ]);
  });
});
