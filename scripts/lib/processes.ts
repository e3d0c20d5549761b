import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const colours = [36, 35, 33, 32, 34, 31, 96, 95, 93];

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
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
): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `\u001b[${colours[index % colours.length]}m${name.padEnd(width)} │\u001b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(prefix + formatLogLine(line) + '\n'),
    );
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { name, child, exited };
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

/** Polls `url` until it answers 2xx, the process exits, or `timeoutMs` passes. */
export async function waitForHealthy(
  url: string,
  service: ServiceProcess,
  timeoutMs = 60_000,
): Promise<void> {
  let exited = false;
  void service.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.name} exited during start-up`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${service.name} was not healthy at ${url} after ${timeoutMs / 1000} s`);
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
