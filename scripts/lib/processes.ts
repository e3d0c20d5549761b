import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const colours = [36, 35, 33, 32, 34, 31, 96, 95, 93];

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The URL the service reports listening on (with port 0 it is the only way to learn the port). */
  ready: Promise<string>;
}

/**
 * Runs a TypeScript entry point as its own Node process, prefixing each of its log lines with the
 * service name (pino JSON lines are shortened to time, level and message, with any error kept).
 */
export function startService(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  index: number,
  width: number,
  nodeFlags: readonly string[] = [],
): ServiceProcess {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', entry], {
    env,
    // The IPC channel carries the service's "ready on <url>" message, whatever its log level, and
    // closing it (this process dying) makes the service stop: no orphans on ports.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const prefix = `\u001b[${colours[index % colours.length]}m${name.padEnd(width)} │\u001b[0m `;
  const ready = new Promise<string>((resolve) =>
    child.on('message', (message: { ready?: unknown }) => {
      if (typeof message.ready === 'string') resolve(message.ready);
    }),
  );
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(prefix + formatLogLine(line) + '\n'),
    );
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { name, child, exited, ready };
}

const levels: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

function formatLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line) as {
      time?: number;
      level?: number;
      msg?: string;
      err?: { message?: string };
    } & Record<string, unknown>;
    const time = entry.time ? new Date(entry.time).toISOString().slice(11, 19) : '';
    const extra = entry.err?.message
      ? ` — ${entry.err.message}`
      : typeof entry['url'] === 'string'
        ? ` ${entry['url']}`
        : '';
    return `${time} ${levels[entry.level ?? 30] ?? entry.level} ${entry.msg ?? ''}${extra}`;
  } catch {
    return line;
  }
}

/** Resolves to the service's URL once it reports ready; fails if it exits first or takes too long. */
export async function waitForReady(service: ServiceProcess, timeoutMs = 60_000): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      service.ready,
      service.exited.then((code) => {
        throw new Error(`${service.name} exited during start-up (code ${code})`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${service.name} was not ready after ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** SIGTERM to every service, then wait for all of them (SIGKILL after `graceMs`). */
export async function stopServices(
  services: readonly ServiceProcess[],
  graceMs = 5000,
): Promise<void> {
  for (const s of services) if (s.child.exitCode === null) s.child.kill('SIGTERM');
  const timer = setTimeout(
    () => services.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL')),
    graceMs,
  );
  await Promise.all(services.map((s) => s.exited));
  clearTimeout(timer);
}
