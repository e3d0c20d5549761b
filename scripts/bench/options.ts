import { GATEWAY_NODE_FLAGS } from '@resident-graph/gateway/node-flags';
/** What every workload of `npm run bench:gateway` is told. */
export interface BenchOptions {
  /** The repository root: processes start there. */
  root: string;
  rounds: number;
  seconds: number;
  connections: number;
  /** Where our gateway writes a V8 CPU profile (node --cpu-prof); undefined: none. */
  cpuProfDir: string | undefined;
}

/** Node flags for our gateway under test. */
export const profilingFlags = (options: BenchOptions): string[] =>
  options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : [];

/** Node flags for our gateway: the ones it always runs with (as npm start and the image run it), and profiling. */
export const ourGatewayFlags = (options: BenchOptions): string[] => [
  ...GATEWAY_NODE_FLAGS,
  ...profilingFlags(options),
];
