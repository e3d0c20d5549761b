// npm run bench:gateway -- [--workloads public|life-events|both] [--rounds 3] [--seconds 20]
//   [--warm-up 20] [--connections 50] [--rate N] [--workload DIR] [--residents 1000] [--cpu-prof DIR]
//   [--variant 'label:KEY=VALUE[,KEY=VALUE…]' …]
// Our gateway against a plain @apollo/gateway + @apollo/server (the baseline), measured round-robin
// in one run: each gateway alone on core 0 (taskset), the load tool and the subgraphs on core 1, a
// unique header on every request. Two workloads, one after the other:
//   (a) public: the public gateway workload (../shared/bench/gateways-benchmark), scripts/bench/public-workload.ts;
//   (b) life-events: the example life-event queries for many seeded residents, each with its own
//       token, against the real agency subgraphs, scripts/bench/life-event-workload.ts.
// Every gateway's answers are checked before and after the load. Prints a Markdown table per
// workload (medians over rounds) with each figure's ratio to the baseline.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runLifeEventWorkload } from './bench/life-event-workload.js';
import { parseVariant, type BenchOptions, type GatewayVariant } from './bench/options.js';
import { pinThisProcess } from './bench/pinned-processes.js';
import { hasPublicWorkload, runPublicWorkload } from './bench/public-workload.js';

const workloadSets = ['public', 'life-events', 'both'] as const;

const { values } = parseArgs({
  options: {
    /** Which workloads to run: public, life-events or both (default both). */
    workloads: { type: 'string', default: 'both' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '20' },
    /** Seconds of unmeasured load each gateway gets before the rounds (0: none). */
    'warm-up': { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    /** Life-event workload: a fixed number of requests per second instead (see BenchOptions.rate). */
    rate: { type: 'string' },
    /** The public workload's folder (a name kept from before there were two workloads). */
    workload: { type: 'string', default: '../shared/bench/gateways-benchmark' },
    /** Generated residents seeded for the life-event workload. */
    residents: { type: 'string', default: '1000' },
    /**
     * Life-event workload: also our gateway with these environment variables, as its own row
     * (repeatable), e.g. --variant 'logs at warn:LOG_LEVEL=warn'. NODE_FLAGS replaces its Node
     * flags instead, e.g. --variant 'default heap:NODE_FLAGS=--max-semi-space-size=16'.
     */
    variant: { type: 'string', multiple: true, default: [] },
    /** Write a V8 CPU profile of our gateway (node --cpu-prof) into this folder. */
    'cpu-prof': { type: 'string' },
  },
});
const root = resolve(new URL('..', import.meta.url).pathname);
const only = values.workloads as (typeof workloadSets)[number];
if (!workloadSets.includes(only)) {
  console.error(`--workloads must be one of ${workloadSets.join(', ')}`);
  process.exit(1);
}
const residents = Number(values.residents);
if (!Number.isInteger(residents) || residents < 1) {
  console.error('--residents must be a whole number of at least 1');
  process.exit(1);
}
const warmUpSeconds = Number(values['warm-up']);
if (!Number.isFinite(warmUpSeconds) || warmUpSeconds < 0) {
  console.error('--warm-up must be a number of seconds, 0 or more');
  process.exit(1);
}
const rate = values.rate === undefined ? undefined : Number(values.rate);
if (rate !== undefined && !(Number.isFinite(rate) && rate > 0)) {
  console.error('--rate must be a number of requests per second, more than 0');
  process.exit(1);
}
let variants: GatewayVariant[];
try {
  variants = values.variant.map(parseVariant);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const publicWorkload = resolve(root, values.workload);
if (only !== 'life-events' && !hasPublicWorkload(publicWorkload)) {
  console.error(`No public workload at ${publicWorkload}; pass --workload <dir>.`);
  process.exit(1);
}
const options: BenchOptions = {
  root,
  rounds: Number(values.rounds),
  seconds: Number(values.seconds),
  warmUpSeconds,
  variants,
  connections: Number(values.connections),
  rate,
  cpuProfDir: values['cpu-prof'] ? resolve(values['cpu-prof']) : undefined,
};

// This process drives the load: on core 1 with the subgraphs, away from the gateway under test.
pinThisProcess(1);
if (only !== 'life-events') await runPublicWorkload(options, publicWorkload);
if (only !== 'public') await runLifeEventWorkload(options, residents);
