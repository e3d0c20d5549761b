// npm run bench:outage -- [--requests N] [--timeout-ms T]: the TURNING_65 life-event query's latency
// (p50, p99, max) with every agency healthy, then with State failing in each way the gateway
// distinguishes. Every subgraph and the gateway run as in the integration tests (real HTTP, State
// behind a fault-injecting proxy). The goal (issue 8): with one agency failing, p99 stays within
// that agency's timeout plus 100 ms; timing goals live here, not in tests.
import { personaResidentId } from '@resident-graph/personas';
import type { Fault } from '@resident-graph/testing';
import { startTestSystem } from '@resident-graph/testing/system';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { subgraphs } from './lib/subgraphs.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    'timeout-ms': { type: 'string', default: '1000' },
    // A huge number keeps the breaker closed, to measure each failure path itself.
    'breaker-failures': { type: 'string', default: '5' },
  },
});
const requests = Number(values.requests);
const timeoutMs = Number(values['timeout-ms']);
const breakerFailures = Number(values['breaker-failures']);

const supergraphSdl = readFileSync(
  new URL('../schema/supergraph.graphql', import.meta.url),
  'utf8',
);
const query = readFileSync(new URL('../examples/turning-65.graphql', import.meta.url), 'utf8');

const system = await startTestSystem({
  subgraphs,
  supergraphSdl,
  proxied: ['state'],
  gateway: {
    resilience: {
      state: {
        timeoutMs,
        breaker: { consecutiveFailures: breakerFailures, halfOpenAfterMs: 5_000 },
      },
    },
  },
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(name: string, fault: Fault): Promise<void> {
  system.proxies['state']!.setFault(fault);
  const token = await system.token(personaResidentId('ava'));
  const latencies: number[] = [];
  const codes = new Map<string, number>();
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const result = await system.query<{ me: { givenName: string } }>(query, { token });
    latencies.push(performance.now() - started);
    if (result.data?.me.givenName !== 'Ava') throw new Error(`${name}: lost the other agencies`);
    for (const error of result.errors ?? []) {
      const code = String(error.extensions?.code);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  }
  latencies.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(0).padStart(5)} ms`;
  console.log(
    `${name.padEnd(28)} p50 ${ms(percentile(latencies, 50))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1)!)}  ${[...codes].map(([c, n]) => `${c}×${n}`).join(' ') || 'no errors'}`,
  );
}

try {
  console.log(
    `outage bench: ${requests} TURNING_65 queries per case, state timeout ${timeoutMs} ms`,
  );
  await measure('all agencies healthy', { kind: 'pass' });
  // With the default breaker, it opens within the first fetches; the rest of each run then answers
  // circuit-open at once, and each next case starts with one half-open probe.
  await measure('state refusing connections', { kind: 'refuse' });
  await new Promise((resolve) => setTimeout(resolve, 5_500)); // let the breaker half-open
  await measure('state slow past its timeout', { kind: 'delay', delayMs: 60_000 });
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  await measure('state answering HTTP 500', { kind: 'status', status: 500 });
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  await measure('state hanging after headers', { kind: 'hang-after-headers' });
} finally {
  await system.stop();
}
