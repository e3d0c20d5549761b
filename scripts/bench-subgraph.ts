// npm run bench:subgraph -- [--rounds 5] [--requests 5000] [--residents 1000]
// CPU per request of an agency subgraph's runtime, the other half of the life-event workload of
// bench:gateway: there the eight subgraphs use about three times the gateway's CPU per request and
// set its pace (docs/performance.md). Measured alone, with the same schema and resolvers on:
//   - baseline: @apollo/server's startStandaloneServer with its defaults;
//   - ours: createSubgraphServer, as every agency runs (caller token verified, a log line and
//     metrics per request, error masking, cache-control).
// Each server is its own process on core 0 (scripts/bench/subgraph-under-test.ts), measured by its
// CPU time (/proc); this process sends entity fetches (three tasks each, as the gateway's query
// plans do) from core 1, with a caller token per resident reused as our gateway reuses them, rounds
// alternating between the servers, each at 1 and at 16 requests in flight.
// Prints a Markdown table: median CPU microseconds per request over the rounds, ratio to the baseline.
import {
  CALLER_HEADER,
  REQUEST_ID_HEADER,
  generateSigningKey,
  signCallerToken,
} from '@resident-graph/caller';
import { generatedResidentId } from '@resident-graph/personas/generate';
import { resolve } from 'node:path';
import { Agent, request } from 'undici';
import { measureInFlightRounds, printInFlightTable } from './bench/in-flight-rounds.js';
import { countOptions } from './bench/options.js';
import { createPinnedProcesses, pinThisProcess } from './bench/pinned-processes.js';
import { cpuSeconds } from './bench/process-stats.js';

const { rounds, requests, residents } = countOptions({
  rounds: 5,
  requests: 5000,
  residents: 1000,
});

const root = resolve(new URL('..', import.meta.url).pathname);
const processes = createPinnedProcesses(root);
pinThisProcess(1);

/** An entity fetch as the query planner writes one for a journey's tasks. */
const body = JSON.stringify({
  query:
    'query($representations:[_Any!]!){_entities(representations:$representations){...on AgencyTask{title status{code label description nextSteps actionRequired}}}}',
  variables: {
    representations: ['enroll', 'part-d', 'medigap'].map((id) => ({
      __typename: 'AgencyTask',
      id,
    })),
  },
});

interface ServerUnderTest {
  name: string;
  pid: number;
  url: string;
}

/** The subgraph's name: the audience of the caller tokens. */
const BENCH_SUBGRAPH_NAME = 'cms';

try {
  const { key } = await generateSigningKey('bench-subgraph');
  const start = (runtime: 'plain' | 'ours', name: string) => {
    const started = processes.start({
      core: 0,
      entry: 'scripts/bench/subgraph-under-test.ts',
      args: [runtime],
      env: { BENCH_GATEWAY_JWKS: JSON.stringify(key.jwks), BENCH_SUBGRAPH_NAME },
      // Written, so its log lines cost what they cost, but not shown.
      stdout: 'ignore',
    });
    return started.ready.then((url): ServerUnderTest => ({ name, pid: started.child.pid!, url }));
  };
  const servers = [
    await start('plain', 'baseline: @apollo/server standalone, defaults'),
    await start('ours', 'Resident Graph subgraph server'),
  ];
  const tokens = await Promise.all(
    Array.from({ length: residents }, (_, i) =>
      signCallerToken(
        {
          residentId: generatedResidentId(i + 1),
          clientId: 'resident-graph-dev',
          scopes: ['resident:read'],
          assurance: 'VERIFIED',
          requestId: 'unused',
          authError: null,
        },
        key,
        BENCH_SUBGRAPH_NAME,
        // Valid for the whole run (the gateway would sign anew each half minute).
        3_600,
      ),
    ),
  );
  const agent = new Agent({ keepAliveTimeout: 30_000 });

  /** The server's CPU microseconds per request over `requests` requests, `inFlight` at a time. */
  const measure = async (server: ServerUnderTest, inFlight: number): Promise<number> => {
    let next = 0;
    const worker = async () => {
      while (next < requests) {
        const n = next++;
        const response = await request(server.url, {
          method: 'POST',
          dispatcher: agent,
          headers: {
            'content-type': 'application/json',
            [CALLER_HEADER]: tokens[n % residents]!,
            [REQUEST_ID_HEADER]: `bench-${n}`,
          },
          body,
        });
        const text = await response.body.text();
        if (response.statusCode !== 200 || !text.includes('"Not started"'))
          throw new Error(`${server.name} answered ${response.statusCode}: ${text.slice(0, 200)}`);
      }
    };
    const before = cpuSeconds(server.pid);
    await Promise.all(Array.from({ length: inFlight }, worker));
    return ((cpuSeconds(server.pid) - before) * 1e6) / requests;
  };

  const levels = [1, 16];
  const medians = await measureInFlightRounds(servers, levels, rounds, measure);
  printInFlightTable(
    `Subgraph server CPU per request, ${requests} entity fetches a round, ${rounds} rounds, medians; ${residents} residents' tokens in turn`,
    { subject: 'server', unit: 'µs/request', digits: 0 },
    servers,
    levels,
    medians,
  );
} finally {
  await processes.stopAll();
}
process.exit(0);
