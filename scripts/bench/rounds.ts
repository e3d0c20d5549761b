import type { LoadResult } from './load.js';
import { cpuSeconds, cpuTimes, peakRssMb } from './process-stats.js';

/** A gateway under test: its process (for CPU and memory) and its URL. */
export interface GatewayUnderTest {
  name: string;
  pid: number;
  url: string;
}

export interface RoundResult extends LoadResult {
  cpuPerRequestMs: number;
}

/**
 * Rounds of load, alternating between the gateways within each round (so a machine that gets busier
 * or quieter during the run affects them alike), with each gateway's CPU time over its own load.
 * First, unmeasured, each gateway gets `warmUpSeconds` of the same load: the rounds measure a
 * gateway that has been serving a while (code optimized by V8's JIT, caches a running service
 * would hold), not its first seconds, when V8 is still compiling the hot paths on the same core.
 *
 * After each load the gateway is left to finish the requests the load tool abandoned when its time
 * was up (see settle), and each round starts with the next gateway in turn: otherwise the gateway
 * measured after the baseline would start every round against subgraphs still busy with the
 * baseline's last requests, fewer requests per second, and so more CPU per request.
 */
export async function measureRounds(
  gateways: readonly GatewayUnderTest[],
  {
    rounds,
    warmUpSeconds,
    subgraphPids = [],
  }: {
    rounds: number;
    warmUpSeconds: number;
    /** The subgraphs' processes: their CPU per request is told too (it sets the pace). */
    subgraphPids?: readonly number[];
  },
  load: (gateway: GatewayUnderTest, seconds: number) => Promise<LoadResult>,
  seconds: number,
): Promise<RoundResult[][]> {
  if (warmUpSeconds > 0) {
    for (const gateway of gateways) {
      const result = await load(gateway, warmUpSeconds);
      await settle(gateway.pid);
      console.error(
        `warm-up, ${gateway.name}: ${result.requestsPerSecond.toFixed(1)} requests/s (not measured)`,
      );
    }
  }
  const results: RoundResult[][] = gateways.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (let turn = 0; turn < gateways.length; turn++) {
      const index = (round - 1 + turn) % gateways.length;
      const gateway = gateways[index]!;
      const before = cpuTimes(gateway.pid);
      const subgraphsBefore = totalCpuSeconds(subgraphPids);
      const result = await load(gateway, seconds);
      const after = cpuTimes(gateway.pid);
      const subgraphs = totalCpuSeconds(subgraphPids) - subgraphsBefore;
      await settle(gateway.pid);
      const user = after.user - before.user;
      const system = after.system - before.system;
      const perRequest = (cpuSeconds: number) => (cpuSeconds * 1000) / Math.max(result.requests, 1);
      results[index]!.push({ ...result, cpuPerRequestMs: perRequest(user + system) });
      console.error(
        `round ${round}, ${gateway.name}: ${result.requestsPerSecond.toFixed(1)} requests/s, ${result.errors} errors, ${result.non2xx} non-2xx, ${result.failedAnswers} answers with errors; CPU per request ${perRequest(user).toFixed(2)} ms in user space, ${perRequest(system).toFixed(2)} ms in the kernel` +
          (subgraphPids.length > 0 ? `; subgraphs ${perRequest(subgraphs).toFixed(2)} ms` : ''),
      );
    }
  }
  return results;
}

const totalCpuSeconds = (pids: readonly number[]) =>
  pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);

/**
 * Waits until the process has used no CPU for half a second (at most 15 s): it has finished what
 * the last load left in flight, and so have the subgraphs it was waiting on.
 */
async function settle(pid: number): Promise<void> {
  const cpu = () => cpuSeconds(pid);
  const deadline = Date.now() + 15_000;
  let last = cpu();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpu();
    if (now === last) return;
    last = now;
  }
}

/** One line of a results table: medians over the rounds. */
export interface ResultRow {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  cpu: number;
  rss: number;
  /** Subgraph requests for one client request (a number, or several joined, e.g. per query). */
  fetches: string;
  failed: number;
  /** The first request's latency, when the gateway's caches were empty (several: one per query). */
  cold: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function resultRow(
  gateway: GatewayUnderTest,
  rounds: readonly RoundResult[],
  extra: Pick<ResultRow, 'fetches' | 'cold'>,
): ResultRow {
  return {
    name: gateway.name,
    rps: median(rounds.map((x) => x.requestsPerSecond)),
    p50: median(rounds.map((x) => x.p50Ms)),
    p99: median(rounds.map((x) => x.p99Ms)),
    cpu: median(rounds.map((x) => x.cpuPerRequestMs)),
    rss: peakRssMb(gateway.pid),
    failed: rounds.reduce((n, x) => n + x.errors + x.non2xx + x.failedAnswers, 0),
    ...extra,
  };
}

/** Prints the rows as a Markdown table, each figure with its ratio to the first row's (the baseline). */
export function printTable(title: string, rows: readonly ResultRow[], coldHeading: string): void {
  const base = rows[0]!;
  const ratio = (value: number, baseline: number) =>
    `${value.toFixed(value < 10 ? 2 : 0)} (${(value / baseline).toFixed(2)}×)`;
  console.log(`\n${title}`);
  console.log(
    `| gateway | requests/s | p50 ms | p99 ms | CPU ms/request | peak RSS MB | subgraph requests/request | failed | ${coldHeading} |`,
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${ratio(row.rps, base.rps)} | ${ratio(row.p50, base.p50)} | ${ratio(row.p99, base.p99)} | ${ratio(row.cpu, base.cpu)} | ${ratio(row.rss, base.rss)} | ${row.fetches} | ${row.failed} | ${row.cold} |`,
    );
  }
}
