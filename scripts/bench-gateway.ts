// npm run bench:gateway -- [--rounds 3] [--seconds 20] [--connections 50] [--workload DIR]
// Our gateway against a plain @apollo/gateway + @apollo/server (the baseline) on the public gateway
// workload (../shared/bench/gateways-benchmark), measured round-robin in one run: each gateway alone
// on core 0 (taskset), the load tool and the workload's subgraphs on core 1, a unique header on every
// request. Both answers are checked against the workload's expected response before and after.
// Prints a Markdown table (medians over rounds) with each figure's ratio to the baseline.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GATEWAY_NODE_FLAGS } from '@resident-graph/gateway/node-flags';
import { runLoad, type LoadResult } from './bench/load.js';
import { cpuSeconds, peakRssMb } from './bench/process-stats.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    workload: { type: 'string', default: '../shared/bench/gateways-benchmark' },
    /** Write a V8 CPU profile of our gateway (node --cpu-prof) into this folder. */
    'cpu-prof': { type: 'string' },
  },
});
const root = resolve(new URL('..', import.meta.url).pathname);
const workload = resolve(root, values.workload);
if (!existsSync(join(workload, 'supergraph.graphql'))) {
  console.error(`No public workload at ${workload}; pass --workload <dir>.`);
  process.exit(1);
}
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const query = readFileSync(join(workload, 'query.graphql'), 'utf8');
const expected: unknown = JSON.parse(
  readFileSync(join(workload, 'expected-response.json'), 'utf8'),
);
const body = JSON.stringify({ query, operationName: 'TestQuery' });

const children: ChildProcess[] = [];
function start(
  core: number,
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  nodeOptions: string[] = [],
) {
  const child = spawn(
    'taskset',
    ['-c', String(core), process.execPath, ...nodeOptions, '--import', 'tsx', entry, ...args],
    {
      cwd: root,
      env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  children.push(child);
  const ready = new Promise<string>((resolveReady, reject) => {
    child.on('message', (m: { ready?: string }) => m.ready && resolveReady(m.ready));
    child.once('exit', (code) =>
      reject(new Error(`${entry} exited with ${code} before it was ready`)),
    );
  });
  return { child, ready };
}

/** Where `actual` first differs from `wanted`, or null when they are equal. */
function firstDifference(actual: unknown, wanted: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(actual, wanted)) return null;
  if (
    typeof actual !== 'object' ||
    typeof wanted !== 'object' ||
    actual === null ||
    wanted === null
  ) {
    return `${path}: ${JSON.stringify(actual)?.slice(0, 200)} instead of ${JSON.stringify(wanted)?.slice(0, 200)}`;
  }
  for (const key of new Set([...Object.keys(actual), ...Object.keys(wanted)])) {
    const difference = firstDifference(
      (actual as Record<string, unknown>)[key],
      (wanted as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (difference) return difference;
  }
  return `${path}: different`;
}

async function checkAnswer(url: string, when: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const difference = firstDifference(await response.json(), expected);
  if (difference)
    throw new Error(`${url} ${when} does not give the workload's expected answer: ${difference}`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'rg-bench-gateway-'));
try {
  // This process drives the load: on core 1 with the subgraphs, away from the gateway under test.
  spawn('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const subgraphs = start(1, 'scripts/bench/public-workload-subgraphs.ts', [workload]);
  const subgraphsUrl = await subgraphs.ready;
  const supergraphPath = join(dataDir, 'supergraph.graphql');
  writeFileSync(
    supergraphPath,
    readFileSync(join(workload, 'supergraph.graphql'), 'utf8').replaceAll(
      'http://127.0.0.1:4200',
      subgraphsUrl,
    ),
  );
  const subgraphRequests = async () =>
    Object.values(
      (await (await fetch(`${subgraphsUrl}/stats`)).json()) as Record<string, number>,
    ).reduce((a, b) => a + b, 0);

  const gateways = [
    {
      name: 'baseline: @apollo/gateway + @apollo/server, defaults',
      ...start(0, 'scripts/bench/baseline-gateway.ts', [supergraphPath]),
    },
    {
      name: 'Resident Graph gateway',
      ...start(
        0,
        'gateway/src/main.ts',
        [],
        {
          PORT: '0',
          SUPERGRAPH_PATH: supergraphPath,
          DATA_DIR: dataDir,
          // The workload's one query is deep and wide by design; our default cost limit would refuse it.
          GRAPHQL_MAX_COST: '100000000',
        },
        // Run as npm start and the container run it.
        [
          ...GATEWAY_NODE_FLAGS,
          ...(values['cpu-prof']
            ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])]
            : []),
        ],
      ),
    },
  ];
  const urls = await Promise.all(gateways.map((g) => g.ready));
  // The first request plans the query (cold); the second, alone, shows how many subgraph requests
  // one client request makes (under load, requests in flight at the end would blur the count).
  const cold: number[] = [];
  const fetchesPerRequest: number[] = [];
  for (const url of urls) {
    const began = performance.now();
    await checkAnswer(url, 'before the load');
    cold.push(performance.now() - began);
    const before = await subgraphRequests();
    await checkAnswer(url, 'before the load');
    fetchesPerRequest.push((await subgraphRequests()) - before);
  }

  interface Round extends LoadResult {
    cpuPerRequestMs: number;
  }
  const results: Round[][] = gateways.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [index, gateway] of gateways.entries()) {
      const url = urls[index]!;
      const cpuBefore = cpuSeconds(gateway.child.pid!);
      const load = await runLoad({ url, body, connections, seconds });
      const cpu = cpuSeconds(gateway.child.pid!) - cpuBefore;
      results[index]!.push({
        ...load,
        cpuPerRequestMs: (cpu * 1000) / Math.max(load.requests, 1),
      });
      console.error(
        `round ${round}, ${gateway.name}: ${load.requestsPerSecond.toFixed(1)} requests/s, ${load.errors} errors, ${load.non2xx} non-2xx`,
      );
    }
  }
  for (const url of urls) await checkAnswer(url, 'after the load');

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows = gateways.map((gateway, index) => {
    const r = results[index]!;
    return {
      name: gateway.name,
      rps: median(r.map((x) => x.requestsPerSecond)),
      p50: median(r.map((x) => x.p50Ms)),
      p99: median(r.map((x) => x.p99Ms)),
      cpu: median(r.map((x) => x.cpuPerRequestMs)),
      rss: peakRssMb(gateway.child.pid!),
      fetches: fetchesPerRequest[index]!,
      failed: r.reduce((n, x) => n + x.errors + x.non2xx, 0),
      cold: cold[index]!,
    };
  });
  const base = rows[0]!;
  const ratio = (value: number, baseline: number) =>
    `${value.toFixed(value < 10 ? 2 : 0)} (${(value / baseline).toFixed(2)}×)`;
  console.log(
    `\nPublic workload, ${connections} connections, ${rounds} rounds of ${seconds} s, medians; unique header per request`,
  );
  console.log(
    '| gateway | requests/s | p50 ms | p99 ms | CPU ms/request | peak RSS MB | subgraph requests/request | failed | first request ms (cold) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${ratio(row.rps, base.rps)} | ${ratio(row.p50, base.p50)} | ${ratio(row.p99, base.p99)} | ${ratio(row.cpu, base.cpu)} | ${ratio(row.rss, base.rss)} | ${row.fetches} | ${row.failed} | ${row.cold.toFixed(0)} |`,
    );
  }
} finally {
  const exited = children.map(
    (child) =>
      new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done))),
  );
  for (const child of children) child.kill('SIGTERM');
  // A CPU profile is written as the process exits: wait for it (bounded).
  await Promise.race([Promise.all(exited), new Promise((done) => setTimeout(done, 15_000))]);
  rmSync(dataDir, { recursive: true, force: true });
}
