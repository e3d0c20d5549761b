// npm run bench:shared-tier -- [--requests N] [--concurrency C]: what the shared tier costs and buys
// on the TURNING_65 life-event query for the seven personas (each with its own token), with every
// subgraph and the gateway as in the integration tests (real HTTP). Configurations, in one run:
//   - no response cache (in-process tier): the uncached path;
//   - Redis, response cache warm (every agency assumed to say `max-age=60, private`);
//   - Redis configured but down (a port nobody listens on): the fail-open path.
// Prints requests/s, p50/p99 and subgraph requests per client request. Timing goals live here.
import { createRedisTier, type GatewayDeps } from '@resident-graph/gateway';
import { personaHandles, personaResidentId } from '@resident-graph/personas';
import { freePort } from '@resident-graph/testing/redis';
import { startTestSystem, type TestSystem } from '@resident-graph/testing/system';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { subgraphs } from './lib/subgraphs.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '8' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const supergraphSdl = readFileSync(
  new URL('../schema/supergraph.graphql', import.meta.url),
  'utf8',
);
const query = readFileSync(new URL('../examples/turning-65.graphql', import.meta.url), 'utf8');
const hints = { '*': { maxAge: 60, scope: 'PRIVATE' as const } };
// Its own prefix, so the run neither reads nor disturbs anyone else's keys.
const keyPrefix = `rg-bench-${randomUUID()}`;

type GatewayOptions = Partial<
  Pick<GatewayDeps, 'sharedTier' | 'responseCache' | 'sharedTierKeyPrefix'>
>;
const configurations: [string, () => Promise<GatewayOptions>][] = [
  ['no response cache', async () => ({ responseCache: false })],
  [
    'Redis, cache warm',
    async () => ({
      sharedTier: (onError) => createRedisTier({ target: { url: values.redis }, onError }),
      sharedTierKeyPrefix: keyPrefix,
      responseCache: { subgraphHints: hints },
    }),
  ],
  [
    'Redis down',
    async () => {
      const port = await freePort();
      return {
        sharedTier: (onError) =>
          createRedisTier({ target: { url: `redis://127.0.0.1:${port}` }, onError }),
        responseCache: { subgraphHints: hints },
      };
    },
  ],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function measure(system: TestSystem) {
  const tokens = await Promise.all(personaHandles.map((h) => system.token(personaResidentId(h))));
  // Warm: every persona asked once (fills the cache where there is one; plans the query).
  await Promise.all(tokens.map((token) => system.query(query, { token })));
  await new Promise((resolve) => setTimeout(resolve, 200));
  system.clearSubgraphRequests();
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const token = tokens[next++ % tokens.length] ?? '';
        const t0 = performance.now();
        const result = await system.query(query, { token });
        latencies.push(performance.now() - t0);
        if (result.status !== 200 || result.errors) failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const subgraphRequests = subgraphs.reduce(
    (n, s) => n + system.subgraphRequests(s.name).length,
    0,
  );
  latencies.sort((a, b) => a - b);
  return {
    rps: requests / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perRequest: subgraphRequests / requests,
    failed,
  };
}

const rows: string[] = [];
for (const [name, options] of configurations) {
  const system = await startTestSystem({ subgraphs, supergraphSdl, gateway: await options() });
  try {
    const r = await measure(system);
    rows.push(
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.perRequest.toFixed(2)} | ${r.failed} |`,
    );
  } finally {
    await system.stop();
  }
}
console.log(`TURNING_65, ${requests} requests, ${concurrency} concurrent, 7 residents\n`);
console.log(
  '| configuration | requests/s | p50 ms | p99 ms | subgraph requests per request | failed |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
