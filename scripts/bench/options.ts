import { GATEWAY_NODE_FLAGS } from '@resident-graph/gateway/node-flags';
import { parseArgs } from 'node:util';
/** What every workload of `npm run bench:gateway` is told. */
export interface BenchOptions {
  /** The repository root: processes start there. */
  root: string;
  rounds: number;
  seconds: number;
  /** Unmeasured load each gateway gets before the rounds, in seconds (see measureRounds). */
  warmUpSeconds: number;
  connections: number;
  /**
   * Life-event workload: requests per second sent to each gateway whatever its pace (an open
   * load), instead of as many as `connections` get answered; undefined: the latter.
   */
  rate: number | undefined;
  /**
   * Our gateway again, once per variant, with these environment variables added (life-event
   * workload): to measure what a setting costs, in the same run and rounds. Default none.
   */
  variants: readonly GatewayVariant[];
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

/** A variant of our gateway: its label in the table, and the environment it adds. */
export interface GatewayVariant {
  label: string;
  env: Record<string, string>;
}

/** `label:KEY=VALUE[,KEY=VALUE…]`, as `--variant` takes it; throws on anything else. */
export function parseVariant(text: string): GatewayVariant {
  const malformed = () => new Error(`--variant ${text}: expected label:KEY=VALUE[,KEY=VALUE…]`);
  const colon = text.indexOf(':');
  const label = text.slice(0, colon).trim();
  if (colon < 1 || !label) throw malformed();
  const env = Object.fromEntries(
    text
      .slice(colon + 1)
      .split(',')
      .map((pair) => {
        const [name = '', ...value] = pair.split('=');
        if (value.length === 0 || !/^[A-Z_][A-Z0-9_]*$/.test(name.trim())) throw malformed();
        return [name.trim(), value.join('=')];
      }),
  );
  return { label, env };
}

/**
 * Options that are all counts (`--rounds 5`) from `args`: each a whole number of at least 1,
 * `defaults` when not given. Throws, saying what is wrong, on anything else.
 */
export function parseCounts<Name extends string>(
  defaults: Record<Name, number>,
  args: string[],
): Record<Name, number> {
  const names = Object.keys(defaults) as Name[];
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
  }) as { values: Record<string, string | undefined> };
  const counts = {} as Record<Name, number>;
  for (const name of names) {
    const value = values[name] === undefined ? defaults[name] : Number(values[name]);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${name} must be a whole number of at least 1`);
    counts[name] = value;
  }
  return counts;
}

/** parseCounts of this process's command line; on a mistake, says what is wrong and exits 1. */
export function countOptions<Name extends string>(
  defaults: Record<Name, number>,
): Record<Name, number> {
  try {
    return parseCounts(defaults, process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
