import { generatedResidentId } from '@resident-graph/personas';
import { decodeJwt } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLifeEventTraffic, hasErrors } from '../../scripts/bench/life-event-traffic.js';
import { countSubgraphRequests } from '../../scripts/bench/subgraph-request-count.js';

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
    expect(decodeJwt(traffic.tokens[residents - 1]!).sub).toBe(generatedResidentId(residents));
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
