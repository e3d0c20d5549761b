// npm run bench:disclosure: what consent and the disclosure log cost per request an application
// makes, against the same request by the resident's own app, both measured in this run. The whole
// system (gateway and every subgraph) runs in this process from the test harness; requests are
// sequential, so latencies add up cleanly; three interleaved rounds, medians reported.
import { startTestSystem } from '@resident-graph/testing/system';
import { readFileSync } from 'node:fs';
import { subgraphs } from './lib/subgraphs.js';

const REQUESTS = 200;
const ROUNDS = 3;
const supergraphSdl = readFileSync(
  new URL('../schema/supergraph.graphql', import.meta.url),
  'utf8',
);
const OPERATION = `query TaxHelperRefund { me { givenName taxRefund { taxYear amount statusCode } } }`;

const system = await startTestSystem({ subgraphs, supergraphSdl });
try {
  const resident = await system.token('rsd_grace');
  const application = await system.token('rsd_grace', {
    clientId: 'taxhelper-demo',
    scopes: ['identity:read', 'irs:read'],
  });
  const granted = await system.query(
    `mutation { grantConsent(input: { clientId: "taxhelper-demo", scopes: ["identity:read", "irs:read"],
        purpose: TAX_PREPARATION, expiresOn: "2026-12-31", maxFetches: 1000, fetchPeriod: DAY }) { id } }`,
    { token: resident },
  );
  if (granted.errors) throw new Error(JSON.stringify(granted.errors));

  const measure = async (token: string) => {
    const latencies: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const result = await system.query(OPERATION, { token });
      latencies.push(performance.now() - started);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
    latencies.sort((a, b) => a - b);
    return {
      mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
      p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
      p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    };
  };
  // Warm both paths (plans, filtered documents, JIT) before measuring.
  await measure(resident);
  await measure(application);
  const own: Awaited<ReturnType<typeof measure>>[] = [];
  const disclosing: Awaited<ReturnType<typeof measure>>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    own.push(await measure(resident));
    disclosing.push(await measure(application));
  }
  const median = (runs: typeof own, key: keyof (typeof own)[number]) =>
    runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0;
  const row = (name: string, runs: typeof own) =>
    `| ${name} | ${median(runs, 'mean').toFixed(2)} | ${median(runs, 'p50').toFixed(2)} | ${median(runs, 'p99').toFixed(2)} |`;
  console.log(
    `disclosure bench: ${OPERATION.length}-byte tax query, ${REQUESTS} sequential requests × ${ROUNDS} interleaved rounds, medians`,
  );
  console.log('| caller | mean ms | p50 ms | p99 ms |\n|---|---|---|---|');
  console.log(row("resident's own app (baseline, no disclosure)", own));
  console.log(row('third-party app under consent (admit + record)', disclosing));
  const cost = median(disclosing, 'mean') - median(own, 'mean');
  console.log(
    `cost per disclosing request: +${cost.toFixed(2)} ms mean (${(median(disclosing, 'mean') / median(own, 'mean')).toFixed(2)}× the baseline)`,
  );
} finally {
  await system.stop();
}
