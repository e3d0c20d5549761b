// Workload (b) of `npm run bench:gateway`: the three example life-event queries for many generated
// residents, each request with its own resident's token, against the real agency subgraphs (one
// process each, on core 1 with the load). Gateways, each alone on core 0:
//   - the baseline: plain @apollo/gateway + @apollo/server with only caller-token signing added
//     (baseline-caller-token-gateway.ts), because our subgraphs answer nothing without it;
//   - our gateway as `npm start` runs it (caller tokens, logs, masking, authorization, consent);
//   - our gateway with its response cache warm: every agency assumed cacheable (private), every
//     (resident, query) pair asked once before the load;
//   - the baseline and our uncached gateway again, in front of the same subgraphs "from memory"
//     (memoizing-subgraphs.ts: each distinct fetch sent to the agency once, its answer reused), a
//     table of their own: what each gateway costs when the subgraphs keep pace, as in the public
//     workload, rather than the pace eight agencies on one shared core allow.
// Every gateway's answers for a few residents must equal the baseline's, without errors, before and
// after the load; the run stops on any difference.
import { servableSupergraph } from '@resident-graph/gateway';
import { generatedResidentId } from '@resident-graph/personas/generate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevelopmentKeys } from '../lib/keys.js';
import { seedStores } from '../lib/seed-stores.js';
import { subgraphs } from '../lib/subgraphs.js';
import { firstDifference } from './first-difference.js';
import {
  createLifeEventTraffic,
  hasErrors,
  LIFE_EVENT_QUERIES,
  type LifeEventTraffic,
} from './life-event-traffic.js';
import { runLoad, type LoadRequest } from './load.js';
import { GATEWAY_NODE_FLAGS } from '@resident-graph/gateway/node-flags';
import { ourGatewayFlags, type BenchOptions } from './options.js';
import { createPinnedProcesses } from './pinned-processes.js';
import { measureRounds, printTable, resultRow, type GatewayUnderTest } from './rounds.js';
import { countSubgraphRequests } from './subgraph-request-count.js';

/** The day the stores are seeded as of and the subgraphs run as of, so every run sees the same data. */
const AS_OF = '2026-06-15';
/** Long enough that no cached answer expires during a run. */
const WARM_CACHE_HINTS = JSON.stringify({ '*': { maxAge: 86_400, scope: 'PRIVATE' } });
/** Requests in flight while warming the response cache (not measured). */
const WARM_UP_CONCURRENCY = 8;

interface Answer {
  data?: unknown;
  errors?: unknown;
}

async function ask(url: string, request: LoadRequest): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
  });
  return (await response.json()) as Answer;
}

/**
 * Each gateway's answer to every query for a few residents: no errors, and the same data as the
 * baseline's (the first gateway). Throws on the first difference.
 */
async function checkAnswers(
  gateways: readonly GatewayUnderTest[],
  traffic: LifeEventTraffic,
  residents: number,
  when: string,
): Promise<void> {
  const sample = [
    ...new Set([1, Math.ceil(residents / 3), Math.ceil((2 * residents) / 3), residents]),
  ];
  for (const resident of sample) {
    for (const query of traffic.bodies.keys()) {
      const request = traffic.requestFor(resident, query);
      const what = `${LIFE_EVENT_QUERIES[query]} for ${generatedResidentId(resident)} ${when}`;
      const answers = await Promise.all(gateways.map(({ url }) => ask(url, request)));
      for (const [index, answer] of answers.entries()) {
        const name = gateways[index]!.name;
        if (answer.errors !== undefined || !answer.data)
          throw new Error(`${name}: ${what} has errors: ${JSON.stringify(answer).slice(0, 500)}`);
        const difference = firstDifference(answer.data, answers[0]!.data, '$.data');
        if (difference)
          throw new Error(`${name}: ${what} differs from the baseline: ${difference}`);
      }
    }
  }
}

/** Sends every (resident, query) pair once, `WARM_UP_CONCURRENCY` at a time; any error stops the run. */
async function askEveryPair(url: string, traffic: LifeEventTraffic, pairs: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: WARM_UP_CONCURRENCY }, async () => {
      while (next < pairs) {
        const n = next++;
        const answer = await ask(url, traffic.request(n));
        if (answer.errors !== undefined || !answer.data)
          throw new Error(`warming up, request ${n}: ${JSON.stringify(answer).slice(0, 500)}`);
      }
    }),
  );
}

export async function runLifeEventWorkload(
  options: BenchOptions,
  residents: number,
): Promise<void> {
  const { root, rounds, seconds, connections } = options;
  const processes = createPinnedProcesses(root);
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-bench-life-events-'));
  try {
    console.error(`Seeding ${residents} generated residents (as of ${AS_OF}) into ${dataDir}…`);
    await seedStores({ dataDir, asOf: AS_OF, generated: residents, onlyIfEmpty: false });
    // Keys first: the subgraphs read the gateway's public key at start-up.
    await ensureDevelopmentKeys(dataDir);
    const traffic = await createLifeEventTraffic(root, dataDir, residents);

    const agencies = subgraphs.map(({ name }) =>
      processes.start({
        core: 1,
        entry: `subgraphs/${name}/src/main.ts`,
        env: { PORT: '0', DATA_DIR: dataDir, RG_TODAY: AS_OF },
      }),
    );
    const subgraphUrls = await Promise.all(agencies.map((agency) => agency.ready));
    const urlsJson = JSON.stringify(
      Object.fromEntries(subgraphs.map(({ name }, i) => [name, subgraphUrls[i]])),
    );
    const memo = processes.start({
      core: 1,
      entry: 'scripts/bench/memoizing-subgraphs.ts',
      args: [urlsJson],
    });
    const memoBase = await memo.ready;
    const memoUrlsJson = JSON.stringify(
      Object.fromEntries(subgraphs.map(({ name }) => [name, `${memoBase}/${name}/graphql`])),
    );
    // A plain @apollo/gateway refuses a supergraph that links the security specs (authenticated,
    // requiresScopes, policy: UNSUPPORTED_LINKED_FEATURE), so the baseline gets it without them, as
    // our gateway gives it to its own @apollo/gateway (whose rules it then enforces itself).
    const baselineSupergraph = join(dataDir, 'baseline-supergraph.graphql');
    writeFileSync(
      baselineSupergraph,
      servableSupergraph(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8')).sdl,
    );
    // Our gateway as `npm start` runs it: the checked-in supergraph, the subgraphs' real URLs, and
    // its request log written at the default level (to /dev/null: written, not shown).
    const ours = { PORT: '0', DATA_DIR: dataDir, SUBGRAPH_URLS: urlsJson, LOG_LEVEL: 'info' };
    const startBaseline = (urls: string) =>
      processes.start({
        core: 0,
        entry: 'scripts/bench/baseline-caller-token-gateway.ts',
        args: [baselineSupergraph, dataDir, urls],
      });
    const startOurs = (env: NodeJS.ProcessEnv) =>
      processes.start({
        core: 0,
        entry: 'gateway/src/main.ts',
        env,
        stdout: 'ignore',
        nodeOptions: ourGatewayFlags(options),
      });
    const started = [
      {
        name: 'baseline: @apollo/gateway + @apollo/server + caller tokens',
        ...startBaseline(urlsJson),
      },
      { name: 'Resident Graph gateway, no response cache hits', ...startOurs(ours) },
      ...options.variants.map(({ label, env: { NODE_FLAGS, ...env } }) => ({
        name: `Resident Graph gateway, no response cache hits, ${label}`,
        ...processes.start({
          core: 0,
          entry: 'gateway/src/main.ts',
          env: { ...ours, ...env },
          stdout: 'ignore' as const,
          // NODE_FLAGS replaces the gateway's Node flags (node-flags.ts), e.g. to try another heap.
          nodeOptions: NODE_FLAGS === undefined ? [...GATEWAY_NODE_FLAGS] : NODE_FLAGS.split(/\s+/),
        }),
      })),
      {
        name: 'Resident Graph gateway, response cache warm',
        ...processes.start({
          core: 0,
          entry: 'gateway/src/main.ts',
          env: { ...ours, RESPONSE_CACHE_SUBGRAPH_HINTS: WARM_CACHE_HINTS },
          stdout: 'ignore',
          nodeOptions: [...GATEWAY_NODE_FLAGS],
        }),
      },
    ];
    const startedFromMemory = [
      {
        name: 'baseline: @apollo/gateway + @apollo/server + caller tokens, subgraphs from memory',
        ...startBaseline(memoUrlsJson),
      },
      {
        name: 'Resident Graph gateway, no response cache hits, subgraphs from memory',
        ...startOurs({ ...ours, SUBGRAPH_URLS: memoUrlsJson }),
      },
    ];
    const underTest = (list: typeof started): Promise<GatewayUnderTest[]> =>
      Promise.all(list.map(async (g) => ({ name: g.name, pid: g.child.pid!, url: await g.ready })));
    const gateways = await underTest(started);
    const fromMemory = await underTest(startedFromMemory);
    const everyGateway = [...gateways, ...fromMemory];

    // Cold: the first request of each query (resident 1) when no plan is cached. The cache-warm
    // gateway (the last) asks first, so the subgraphs' own first requests (JIT, statement caches)
    // are not in the others' figures; it reports none. One gateway at a time: they share core 0.
    const firstRequests = async ({ url }: GatewayUnderTest) => {
      const times: number[] = [];
      for (const query of traffic.bodies.keys()) {
        const began = performance.now();
        await ask(url, traffic.requestFor(1, query));
        times.push(performance.now() - began);
      }
      return times.map((t) => t.toFixed(0)).join(' / ');
    };
    const cacheWarm = gateways.at(-1)!;
    await firstRequests(cacheWarm);
    const cold: string[] = [];
    for (const gateway of gateways.slice(0, -1)) cold.push(await firstRequests(gateway));
    cold.push('—');
    const coldFromMemory: string[] = [];
    for (const gateway of fromMemory) coldFromMemory.push(await firstRequests(gateway));
    await checkAnswers(everyGateway, traffic, residents, 'before the load');
    console.error(`Warming the response cache: ${3 * residents} requests…`);
    await askEveryPair(cacheWarm.url, traffic, 3 * residents);
    // Through each gateway: the two may not sign the same claims for a resident (scopes).
    for (const { url } of fromMemory) {
      console.error(`Filling the subgraphs' memory: ${3 * residents} requests…`);
      await askEveryPair(url, traffic, 3 * residents);
    }

    // Subgraph requests for one client request of each query, alone (for resident 1, whom the
    // warm-up asked everything, so the warm gateway shows its hits).
    const fetchesPerQuery = async (url: string, countedAt: readonly string[]) => {
      const perQuery: number[] = [];
      for (const query of traffic.bodies.keys()) {
        const before = await countSubgraphRequests(countedAt);
        await ask(url, traffic.requestFor(1, query));
        // Anything the gateway sends after answering (a disclosure record) counts too.
        await new Promise((resolve) => setTimeout(resolve, 100));
        perQuery.push((await countSubgraphRequests(countedAt)) - before);
      }
      return perQuery.join(' / ');
    };
    const fetches: string[] = [];
    for (const { url } of gateways) fetches.push(await fetchesPerQuery(url, subgraphUrls));
    const fetchesFromMemory: string[] = [];
    for (const { url } of fromMemory)
      fetchesFromMemory.push(await fetchesPerQuery(url, [`${memoBase}/`]));

    const results = await measureRounds(
      everyGateway,
      {
        ...options,
        subgraphPids: [...agencies.map((agency) => agency.child.pid!), memo.child.pid!],
      },
      ({ url }, duration) =>
        runLoad({
          url,
          nextRequest: traffic.sequence(),
          isFailedAnswer: hasErrors,
          connections,
          seconds: duration,
          rate: options.rate,
        }),
      seconds,
    );
    await checkAnswers(everyGateway, traffic, residents, 'after the load');

    printTable(
      `Life-event workload: ${LIFE_EVENT_QUERIES.join(', ')} for ${residents} residents, each with its own token; ` +
        `${connections} connections${options.rate ? ` sending ${options.rate} requests/s in all` : ''}, ${rounds} rounds of ${seconds} s, medians; per-query figures in query order`,
      gateways.map((gateway, index) =>
        resultRow(gateway, results[index]!, { fetches: fetches[index]!, cold: cold[index]! }),
      ),
      'first request per query ms (cold)',
    );
    printTable(
      'The same, with the subgraphs answering from memory (each distinct fetch asked of the agency once, before the load), so that the gateway sets the pace',
      fromMemory.map((gateway, index) =>
        resultRow(gateway, results[gateways.length + index]!, {
          fetches: fetchesFromMemory[index]!,
          cold: coldFromMemory[index]!,
        }),
      ),
      'first request per query ms (cold)',
    );
  } finally {
    await processes.stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
