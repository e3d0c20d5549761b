import { servableSupergraph } from '@resident-graph/gateway';
import { CALLER_HEADER, createCallerVerifier } from '@resident-graph/caller';
import { issueAccessToken, loadOrCreateDevIssuerKey } from '@resident-graph/dev-issuer';
import { generatedResidentId } from '@resident-graph/personas/generate';
import { decodeJwt } from 'jose';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLifeEventTraffic, hasErrors } from '../../scripts/bench/life-event-traffic.js';
import { parseCounts, parseVariant } from '../../scripts/bench/options.js';
import { createPinnedProcesses } from '../../scripts/bench/pinned-processes.js';
import { measureInFlightRounds } from '../../scripts/bench/in-flight-rounds.js';
import { measureRounds } from '../../scripts/bench/rounds.js';
import { countSubgraphRequests } from '../../scripts/bench/subgraph-request-count.js';
import { ensureDevelopmentKeys } from '../../scripts/lib/keys.js';

const root = new URL('../..', import.meta.url).pathname;

// What `npm run bench:gateway` sends and counts on the life-event workload; a mistake here would
// make its table measure something else (one resident's cache hits, or the wrong fetch count).
describe('bench:gateway life-event traffic', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-bench-traffic-test-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('asks every (resident, query) pair once per 3 × residents requests, each with its own token', async () => {
    // Six residents: a multiple of the three queries, where a plain `n % residents` and `n % 3`
    // would pair each resident with one query only.
    const residents = 6;
    const traffic = await createLifeEventTraffic(root, dataDir, residents);
    const next = traffic.sequence();
    const pairs = new Set<string>();
    let previous: { resident: string; query: number } | undefined;
    for (let n = 0; n < 3 * residents; n++) {
      const { body, headers } = next();
      const resident = decodeJwt(headers!['authorization']!.replace('Bearer ', '')).sub!;
      const query = traffic.bodies.indexOf(body);
      expect(query).toBeGreaterThanOrEqual(0);
      expect(resident).toMatch(/^rsd_\d{9}$/);
      if (previous) {
        expect(resident).not.toBe(previous.resident);
        expect(query).not.toBe(previous.query);
      }
      previous = { resident, query };
      pairs.add(`${resident} ${query}`);
    }
    expect(pairs.size).toBe(3 * residents);
    const last = traffic.requestFor(residents, 2);
    expect(last.body).toBe(traffic.bodies[2]);
    expect(decodeJwt(last.headers!['authorization']!.replace('Bearer ', '')).sub).toBe(
      generatedResidentId(residents),
    );
    // A new run starts again from the first pair.
    expect(traffic.sequence()()).toEqual(traffic.request(0));
  });

  it('counts an answer with GraphQL errors as failed', () => {
    expect(hasErrors('{"data":{"me":null},"errors":[{"message":"no"}]}')).toBe(true);
    expect(hasErrors('{"data":{"me":{"givenName":"Ava"}}}')).toBe(false);
  });
});

describe('bench:gateway subgraph request count', () => {
  it('sums graphql_requests_total over every subgraph and outcome, nothing else', async () => {
    const metrics = [
      '# TYPE graphql_requests_total counter',
      'graphql_requests_total{operation="Me",outcome="ok",service="ssa"} 7',
      'graphql_requests_total{operation="(anonymous)",outcome="partial",service="ssa"} 2',
      'graphql_requests_created{operation="Me",outcome="ok",service="ssa"} 1796642563.711',
      'graphql_request_duration_seconds_count{operation="Me",service="ssa"} 9',
      '# EOF',
    ].join('\n');
    const server = createServer((req, res) =>
      req.url === '/metrics' ? res.end(metrics) : res.writeHead(404).end(),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}/graphql`;
      expect(await countSubgraphRequests([url, url])).toBe(18);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

// The life-event baseline must give our subgraphs what they require (a caller token per subgraph,
// signed with the gateway's key, naming the verified resident) and nothing of the client's.
describe('bench:gateway life-event baseline', () => {
  it('signs a caller token for the subgraph from the verified access token, and forwards nothing else', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rg-bench-baseline-test-'));
    const received: IncomingHttpHeaders[] = [];
    // Stands in for identity: records the headers, answers `me`.
    const subgraph = createServer((req, res) => {
      received.push(req.headers);
      req
        .resume()
        .on('end', () =>
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end('{"data":{"me":{"givenName":"Ava"}}}'),
        );
    });
    await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
    const processes = createPinnedProcesses(root);
    try {
      await ensureDevelopmentKeys(dataDir);
      const supergraph = join(dataDir, 'supergraph.graphql');
      writeFileSync(
        supergraph,
        servableSupergraph(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8')).sdl,
      );
      const { port } = subgraph.address() as AddressInfo;
      const baseline = processes.start({
        core: 0,
        entry: 'scripts/bench/baseline-caller-token-gateway.ts',
        args: [
          supergraph,
          dataDir,
          JSON.stringify({ identity: `http://127.0.0.1:${port}/graphql` }),
        ],
      });
      const url = await baseline.ready;
      const ask = async (authorization: string) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query: '{ me { givenName } }' }),
        });
        return await response.json();
      };
      const token = await issueAccessToken(await loadOrCreateDevIssuerKey(dataDir), {
        residentId: generatedResidentId(7),
      });
      expect(await ask(`Bearer ${token}`)).toEqual({ data: { me: { givenName: 'Ava' } } });
      expect(await ask('Bearer not-a-token')).toEqual({ data: { me: { givenName: 'Ava' } } });

      const gatewayJwks = JSON.parse(
        readFileSync(join(dataDir, 'keys', 'gateway-caller.jwks.json'), 'utf8'),
      ) as Parameters<typeof createCallerVerifier>[0];
      const verify = createCallerVerifier(gatewayJwks, 'identity');
      expect(received).toHaveLength(2);
      const [signedIn, anonymous] = await Promise.all(
        received.map((headers) => verify(headers[CALLER_HEADER] as string)),
      );
      expect(signedIn).toMatchObject({
        residentId: generatedResidentId(7),
        clientId: 'resident-graph-dev',
        assurance: 'VERIFIED',
        authError: null,
      });
      expect(signedIn!.scopes).toContain('identity:read');
      expect(anonymous).toMatchObject({ residentId: null, scopes: [] });
      // A token for identity is refused by any other subgraph.
      await expect(
        createCallerVerifier(gatewayJwks, 'ssa')(received[0]![CALLER_HEADER] as string),
      ).rejects.toThrow(/audience|aud/);
      for (const headers of received) expect(headers['authorization']).toBeUndefined();
    } finally {
      await processes.stopAll();
      await new Promise((resolve) => subgraph.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('bench:gateway life-event subgraphs from memory', () => {
  it('asks the agency once per distinct query, variables (in any key order) and caller, and every mutation', async () => {
    const received: { caller: unknown; body: string }[] = [];
    const agency = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ caller: req.headers[CALLER_HEADER], body });
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: { n: received.length } }));
      });
    });
    await new Promise<void>((resolve) => agency.listen(0, '127.0.0.1', resolve));
    const processes = createPinnedProcesses(root);
    try {
      const { port } = agency.address() as AddressInfo;
      const memo = processes.start({
        core: 1,
        entry: 'scripts/bench/memoizing-subgraphs.ts',
        args: [JSON.stringify({ ssa: `http://127.0.0.1:${port}/graphql` })],
      });
      const base = await memo.ready;
      // Only the claims matter to it (it verifies nothing): two tokens of one caller are one caller.
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const tokenOf = (sub: string, n: number) =>
        `${part({ alg: 'EdDSA' })}.${part({ sub, scope: 'ssa:read', jti: n })}.c2ln`;
      const tokens = [tokenOf('rsd_1', 1), tokenOf('rsd_1', 2), tokenOf('rsd_2', 3)];
      let sent = 0;
      const post = async (body: unknown, token = tokens[sent++ % 2]!) => {
        const response = await fetch(`${base}/ssa/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CALLER_HEADER]: token },
          body: JSON.stringify(body),
        });
        return { status: response.status, json: await response.json() };
      };
      const query =
        'query Q($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }';
      const first = await post({
        query,
        variables: { representations: [{ __typename: 'T', id: '1' }] },
      });
      const again = await post({
        variables: { representations: [{ id: '1', __typename: 'T' }] },
        query,
      });
      const other = await post({
        query,
        variables: { representations: [{ __typename: 'T', id: '2' }] },
      });
      expect(first).toEqual({ status: 200, json: { data: { n: 1 } } });
      expect(again).toEqual(first);
      expect(other).toEqual({ status: 200, json: { data: { n: 2 } } });
      const anotherCaller = await post(
        { query, variables: { representations: [{ __typename: 'T', id: '1' }] } },
        tokens[2],
      );
      expect(anotherCaller.json).toEqual({ data: { n: 3 } });
      const mutation = { query: 'mutation M { act }' };
      expect((await post(mutation)).json).toEqual({ data: { n: 4 } });
      expect((await post(mutation)).json).toEqual({ data: { n: 5 } });
      // The agency got the gateway's caller token with every request it was sent.
      expect(received.map((r) => r.caller)).toEqual([
        tokens[0],
        tokens[0],
        tokens[2],
        tokens[1],
        tokens[0],
      ]);
      expect(await countSubgraphRequests([`${base}/`])).toBe(6);
      expect((await fetch(`${base}/va/graphql`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      await processes.stopAll();
      await new Promise((resolve) => agency.close(resolve));
    }
  }, 60_000);
});

describe('bench:gateway rounds', () => {
  it('warms every gateway up unmeasured, then starts each round with the next gateway in turn', async () => {
    // An idle process stands in for each gateway: its CPU time stays flat, so each load settles at once.
    const idle = spawn('sleep', ['60']);
    try {
      const gateways = ['baseline', 'ours', 'variant'].map((name) => ({
        name,
        pid: idle.pid!,
        url: `http://${name}.test/graphql`,
      }));
      const loads: string[] = [];
      const results = await measureRounds(
        gateways,
        { rounds: 2, warmUpSeconds: 5 },
        async ({ name }, seconds) => {
          loads.push(`${name} ${seconds}s`);
          return {
            requests: 10,
            requestsPerSecond: 1,
            p50Ms: 1,
            p99Ms: 1,
            errors: 0,
            non2xx: 0,
            failedAnswers: 0,
          };
        },
        20,
      );
      expect(loads).toEqual([
        ...['baseline 5s', 'ours 5s', 'variant 5s'],
        ...['baseline 20s', 'ours 20s', 'variant 20s'],
        ...['ours 20s', 'variant 20s', 'baseline 20s'],
      ]);
      // Each gateway's results in round order, whatever its turn.
      expect(results.map((rounds) => rounds.length)).toEqual([2, 2, 2]);
      expect(results[0]![0]!.cpuPerRequestMs).toBe(0);
    } finally {
      idle.kill();
    }
  }, 30_000);
});

describe('bench:gateway --variant', () => {
  it('reads a label and environment variables, and refuses anything else', () => {
    expect(parseVariant('logs at warn:LOG_LEVEL=warn')).toEqual({
      label: 'logs at warn',
      env: { LOG_LEVEL: 'warn' },
    });
    expect(parseVariant('two:A_B=1,C=x=y')).toEqual({ label: 'two', env: { A_B: '1', C: 'x=y' } });
    for (const bad of ['LOG_LEVEL=warn', ':A=1', 'label:', 'label:A', 'label:lower=1', 'l:A=1,'])
      expect(() => parseVariant(bad), bad).toThrow(/expected label:KEY=VALUE/);
  });
});

describe('bench:fetch and bench:subgraph options', () => {
  it('reads counts with their defaults, and refuses anything but a whole number of at least 1', () => {
    const defaults = { rounds: 5, requests: 5000 };
    expect(parseCounts(defaults, [])).toEqual(defaults);
    expect(parseCounts(defaults, ['--rounds', '2'])).toEqual({ rounds: 2, requests: 5000 });
    for (const bad of ['0', '-1', '1.5', 'many'])
      expect(() => parseCounts(defaults, [`--requests=${bad}`])).toThrow(
        '--requests must be a whole number of at least 1',
      );
    expect(() => parseCounts(defaults, ['--fetches', '3'])).toThrow(/fetches/);
  });
});

describe('bench:fetch and bench:subgraph rounds', () => {
  it('measures each subject once unmeasured, then rotates who goes first, and gives medians', async () => {
    const order: string[] = [];
    const costs: Record<string, number[]> = { a: [9, 1, 2, 3], b: [9, 5, 7, 6] };
    const medians = await measureInFlightRounds(
      [{ name: 'a' }, { name: 'b' }],
      [1],
      3,
      async ({ name }) => {
        order.push(name);
        return costs[name]!.shift()!;
      },
    );
    expect(order).toEqual(['a', 'b', 'a', 'b', 'b', 'a', 'a', 'b']);
    expect(medians).toEqual([[2], [6]]);
  });
});
