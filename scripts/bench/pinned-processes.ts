import { spawn, type ChildProcess } from 'node:child_process';

export interface PinnedProcess {
  child: ChildProcess;
  /** The URL the process reports on its IPC channel once it listens. */
  ready: Promise<string>;
}

export interface StartOptions {
  /** The CPU core the process may run on (taskset). */
  core: number;
  /** A TypeScript entry point, relative to `cwd`. */
  entry: string;
  args?: string[];
  /** On top of this process's environment (telemetry off, warnings only in the logs). */
  env?: NodeJS.ProcessEnv;
  /** Node flags before the entry point, e.g. --cpu-prof. */
  nodeOptions?: string[];
  /** `ignore`: its output is written (so it costs what it costs) but not shown. Default inherit. */
  stdout?: 'inherit' | 'ignore';
}

/**
 * The processes of one benchmark run, each pinned to a core, all stopped together. Every process
 * reports `{ ready: url }` over IPC (as our services and the bench helpers do) and stops when this
 * one goes away, so no run leaves orphans on ports.
 */
export function createPinnedProcesses(cwd: string) {
  const children: ChildProcess[] = [];
  return {
    start({
      core,
      entry,
      args = [],
      env = {},
      nodeOptions = [],
      stdout = 'inherit',
    }: StartOptions): PinnedProcess {
      const child = spawn(
        'taskset',
        ['-c', String(core), process.execPath, ...nodeOptions, '--import', 'tsx', entry, ...args],
        {
          cwd,
          env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', LOG_LEVEL: 'warn', ...env },
          stdio: ['ignore', stdout, 'inherit', 'ipc'],
        },
      );
      children.push(child);
      const ready = new Promise<string>((resolveReady, reject) => {
        child.on('message', (m: { ready?: string }) => m.ready && resolveReady(m.ready));
        child.once('exit', (code) =>
          reject(new Error(`${entry} exited with ${code} before it was ready`)),
        );
      });
      // Unhandled if the process dies after a run that never awaited it; the run fails elsewhere.
      ready.catch(() => {});
      return { child, ready };
    },

    /** SIGTERM to every process, then wait (bounded): a CPU profile is written as a process exits. */
    async stopAll(graceMs = 15_000): Promise<void> {
      const exited = children.map(
        (child) =>
          new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done))),
      );
      for (const child of children) child.kill('SIGTERM');
      await Promise.race([Promise.all(exited), new Promise((done) => setTimeout(done, graceMs))]);
    },
  };
}

export type PinnedProcesses = ReturnType<typeof createPinnedProcesses>;

/** Pins this process (all its threads) to `core`: the load tool runs away from the gateway. */
export function pinThisProcess(core: number): void {
  spawn('taskset', ['-acp', String(core), String(process.pid)], { stdio: 'ignore' });
}
