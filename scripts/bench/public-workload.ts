// Workload (a) of `npm run bench:gateway`: the public gateway workload (../shared/bench/gateways-benchmark),
// one 87.6 KB federated query with a unique header on every request. Its four subgraphs answer from
// memory (public-workload-subgraphs.ts); both answers are checked against the workload's expected
// response before and after the load.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstDifference } from './first-difference.js';
import { runLoad } from './load.js';
import { ourGatewayFlags, type BenchOptions } from './options.js';
import { createPinnedProcesses } from './pinned-processes.js';
import { measureRounds, printTable, resultRow, type GatewayUnderTest } from './rounds.js';

export function hasPublicWorkload(workload: string): boolean {
  return existsSync(join(workload, 'supergraph.graphql'));
}

export async function runPublicWorkload(options: BenchOptions, workload: string): Promise<void> {
  const { rounds, seconds, connections } = options;
  const query = readFileSync(join(workload, 'query.graphql'), 'utf8');
  const expected: unknown = JSON.parse(
    readFileSync(join(workload, 'expected-response.json'), 'utf8'),
  );
  const body = JSON.stringify({ query, operationName: 'TestQuery' });

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

  const processes = createPinnedProcesses(options.root);
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-bench-gateway-'));
  try {
    const subgraphs = processes.start({
      core: 1,
      entry: 'scripts/bench/public-workload-subgraphs.ts',
      args: [workload],
    });
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

    const started = [
      {
        name: 'baseline: @apollo/gateway + @apollo/server, defaults',
        ...processes.start({
          core: 0,
          entry: 'scripts/bench/baseline-gateway.ts',
          args: [supergraphPath],
        }),
      },
      {
        name: 'Resident Graph gateway',
        ...processes.start({
          core: 0,
          entry: 'gateway/src/main.ts',
          env: {
            PORT: '0',
            SUPERGRAPH_PATH: supergraphPath,
            DATA_DIR: dataDir,
            // The workload's one query is deep and wide by design; our default cost limit would refuse it.
            GRAPHQL_MAX_COST: '100000000',
            // Request logs on, as in production (one line per request), written nowhere.
            LOG_LEVEL: 'info',
          },
          stdout: 'ignore',
          nodeOptions: ourGatewayFlags(options),
        }),
      },
    ];
    const gateways: GatewayUnderTest[] = await Promise.all(
      started.map(async (g) => ({ name: g.name, pid: g.child.pid!, url: await g.ready })),
    );
    // The first request plans the query (cold); the second, alone, shows how many subgraph requests
    // one client request makes (under load, requests in flight at the end would blur the count).
    const cold: number[] = [];
    const fetchesPerRequest: number[] = [];
    for (const { url } of gateways) {
      const began = performance.now();
      await checkAnswer(url, 'before the load');
      cold.push(performance.now() - began);
      const before = await subgraphRequests();
      await checkAnswer(url, 'before the load');
      fetchesPerRequest.push((await subgraphRequests()) - before);
    }

    const results = await measureRounds(
      gateways,
      options,
      ({ url }, duration) => runLoad({ url, body, connections, seconds: duration }),
      seconds,
    );
    for (const { url } of gateways) await checkAnswer(url, 'after the load');

    printTable(
      `Public workload, ${connections} connections, ${rounds} rounds of ${seconds} s, medians; unique header per request`,
      gateways.map((gateway, index) =>
        resultRow(gateway, results[index]!, {
          fetches: String(fetchesPerRequest[index]),
          cold: cold[index]!.toFixed(0),
        }),
      ),
      'first request ms (cold)',
    );
  } finally {
    await processes.stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
