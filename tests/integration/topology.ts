import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

// Real processes for the deployment test: services started from their entry points as `npm start`
// and the containers do, and the load balancer binary with the repository's own configuration.

export const repositoryRoot = new URL('../..', import.meta.url).pathname;

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  /** Every line it wrote to stdout and stderr so far. */
  lines: string[];
  /** The URL it reported over IPC (Node services only; '' otherwise). */
  url: string;
  exited: Promise<number | null>;
}

function capture(name: string, child: ChildProcess): Omit<RunningProcess, 'url'> {
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return { name, child, lines, exited };
}

/**
 * Starts a TypeScript entry point as its own Node process and resolves once it reports its URL over
 * IPC (the subgraphs and the gateway do; closing the channel, e.g. this process dying, stops them).
 */
export async function startNodeService(
  name: string,
  entry: string,
  env: Record<string, string>,
): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repositoryRoot,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const running = capture(name, child);
  const url = await Promise.race([
    new Promise<string>((resolve) =>
      child.on('message', (message: { ready?: unknown }) => {
        if (typeof message.ready === 'string') resolve(message.ready);
      }),
    ),
    running.exited.then((code): never => {
      throw new Error(`${name} exited during start-up (${code}):\n${running.lines.join('\n')}`);
    }),
  ]);
  return { ...running, url };
}

/** A TCP port nobody listens on right now (HAProxy cannot bind port 0 and report it). */
export { freePort } from '@resident-graph/testing/redis';

/** The HAProxy binary: on PATH, or where Debian's package puts it (.ci/run installs it). */
export function haproxyBinary(): string {
  for (const dir of (process.env['PATH'] ?? '').split(':').concat('/usr/sbin')) {
    if (dir && existsSync(`${dir}/haproxy`)) return `${dir}/haproxy`;
  }
  throw new Error('haproxy is not installed (apt-get install haproxy; .ci/run does it)');
}

/** Starts `haproxy` in the foreground with `config`, its "${VAR}"s from `env`. */
export function startHaproxy(config: string, env: Record<string, string>): RunningProcess {
  const child = spawn(haproxyBinary(), ['-db', '-f', config], {
    cwd: repositoryRoot,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { ...capture('haproxy', child), url: '' };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopProcess(process: RunningProcess, graceMs = 5_000): Promise<void> {
  if (process.child.exitCode !== null || process.child.signalCode !== null) return;
  process.child.kill('SIGTERM');
  const timer = setTimeout(() => process.child.kill('SIGKILL'), graceMs);
  await process.exited;
  clearTimeout(timer);
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
