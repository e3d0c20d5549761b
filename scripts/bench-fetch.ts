// npm run bench:fetch -- [--rounds 5] [--fetches 20000] [--residents 1000]
// CPU per subgraph fetch, the cost that dominates the life-event workload of bench:gateway (five to
// ten fetches a request), measured alone: no load tool, no other gateway, no real subgraph whose
// pace sets how many requests the gateway has in flight. This process runs on core 0; a stand-in
// subgraph (scripts/bench/fixed-answer-subgraph.ts) answers every fetch the same way on core 1.
// Fetchers, rounds alternating between them, each at 1 and at 16 fetches in flight:
//   - baseline: a plain undici request() fetcher (POST, read the body, JSON.parse), the one the
//     issue names as the fast way to fetch from subgraphs;
//   - our data source's whole path for a client fetch (CallerTokenDataSource.process: the caller
//     token for the resident, the agency's timeout/retry/breaker, in-flight deduplication, answer
//     checks, metrics), one fresh request context per fetch, residents in turn;
//   - the same with caller-token reuse off (a token signed per fetch), to show what reuse saves.
// Prints a Markdown table: median CPU microseconds per fetch over the rounds, ratio to the baseline.
import { generateSigningKey, type Caller } from '@resident-graph/caller';
import { createLogger } from '@resident-graph/logging';
import { generatedResidentId } from '@resident-graph/personas/generate';
import { resolve } from 'node:path';
import { Agent, request } from 'undici';
import { createCallerTokens } from '../gateway/src/auth/caller-tokens.js';
import type { GatewayContext } from '../gateway/src/context.js';
import { CallerTokenDataSource } from '../gateway/src/data-source.js';
import { measureInFlightRounds, printInFlightTable } from './bench/in-flight-rounds.js';
import { countOptions } from './bench/options.js';
import { createPinnedProcesses, pinThisProcess } from './bench/pinned-processes.js';

const { rounds, fetches, residents } = countOptions({
  rounds: 5,
  fetches: 20_000,
  residents: 1000,
});

const root = resolve(new URL('..', import.meta.url).pathname);
const processes = createPinnedProcesses(root);
pinThisProcess(0);

/** An entity fetch as the query planner writes one for a journey step's task. */
const query =
  'query($representations:[_Any!]!){_entities(representations:$representations){...on AgencyTask{title status{code label description nextSteps expectedBy actionRequired actionDeadline}}}}';
const variables = { representations: [{ __typename: 'AgencyTask', id: 'cms:enroll-medicare' }] };

interface Fetcher {
  name: string;
  fetch: (n: number) => Promise<unknown>;
}

async function fetchersFor(url: string): Promise<Fetcher[]> {
  const { key } = await generateSigningKey('bench-fetch');
  const logger = createLogger('bench-fetch', 'silent');
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  const plainHeaders = { 'content-type': 'application/json' };
  const body = JSON.stringify({ query, variables });
  const dataSource = (reuse: boolean) =>
    new CallerTokenDataSource({
      name: 'cms',
      url,
      callerTokens: createCallerTokens(key, reuse ? {} : { minLifeSeconds: 0 }),
      logger,
    });
  // What process() gets for one fetch of a client request: a request context of its own.
  const clientFetch = (n: number) => {
    const caller: Caller = {
      residentId: generatedResidentId((n % residents) + 1),
      clientId: 'resident-graph-dev',
      scopes: ['resident:read'],
      assurance: 'VERIFIED',
      requestId: `bench-${n}`,
      authError: null,
    };
    const context: GatewayContext = {
      caller,
      requestId: caller.requestId,
      logger,
      callerTokens: new Map(),
      disclosed: false,
    };
    return {
      kind: 'incoming operation',
      request: { query, variables, http: { method: 'POST', url, headers: new Headers() } },
      context,
      incomingRequestContext: { overallCachePolicy: { restrict() {}, replace() {} } },
      pathInIncomingRequest: ['me', 'journey', 'steps', 0, 'task'],
    } as never;
  };
  const ours = dataSource(true);
  const oursSigningEach = dataSource(false);
  return [
    {
      name: 'baseline: undici request() fetcher',
      async fetch() {
        const response = await request(url, {
          method: 'POST',
          headers: plainHeaders,
          body,
          dispatcher: agent,
        });
        return JSON.parse(await response.body.text()) as unknown;
      },
    },
    {
      name: 'Resident Graph data source',
      fetch: (n) => ours.process(clientFetch(n)),
    },
    {
      name: 'Resident Graph data source, a caller token signed per fetch',
      fetch: (n) => oursSigningEach.process(clientFetch(n)),
    },
  ];
}

/** CPU microseconds per fetch over `fetches` fetches, `inFlight` at a time. */
async function measure(fetcher: Fetcher, inFlight: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < fetches) await fetcher.fetch(next++);
  };
  const before = process.cpuUsage();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / fetches;
}

try {
  const url = await processes.start({ core: 1, entry: 'scripts/bench/fixed-answer-subgraph.ts' })
    .ready;
  const fetchers = await fetchersFor(url);
  const levels = [1, 16];
  const medians = await measureInFlightRounds(fetchers, levels, rounds, measure);
  printInFlightTable(
    `CPU per subgraph fetch, ${fetches} fetches a round, ${rounds} rounds, medians; ${residents} residents in turn`,
    { subject: 'fetcher', unit: 'µs/fetch', digits: 1 },
    fetchers,
    levels,
    medians,
  );
} finally {
  await processes.stopAll();
}
process.exit(0);
