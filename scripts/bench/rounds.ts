import type { LoadResult } from './load.js';
import { cpuSeconds, peakRssMb } from './process-stats.js';

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
 */
export async function measureRounds(
  gateways: readonly GatewayUnderTest[],
  rounds: number,
  load: (gateway: GatewayUnderTest) => Promise<LoadResult>,
): Promise<RoundResult[][]> {
  const results: RoundResult[][] = gateways.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [index, gateway] of gateways.entries()) {
      const cpuBefore = cpuSeconds(gateway.pid);
      const result = await load(gateway);
      const cpu = cpuSeconds(gateway.pid) - cpuBefore;
      results[index]!.push({
        ...result,
        cpuPerRequestMs: (cpu * 1000) / Math.max(result.requests, 1),
      });
      console.error(
        `round ${round}, ${gateway.name}: ${result.requestsPerSecond.toFixed(1)} requests/s, ${result.errors} errors, ${result.non2xx} non-2xx, ${result.failedAnswers} answers with errors`,
      );
    }
  }
  return results;
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
