import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';

const run = promisify(execFile);

/** A `redis-server` process this test started, on a loopback port of its own. */
export interface TestRedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops the process (SIGKILL: an outage, not a goodbye); its port stays reserved for start(). */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing is saved). */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing is answered. */
  pause(): void;
  /** Lets a paused process run again (SIGCONT). */
  resume(): void;
  /** Deletes every key, as an operator's FLUSHALL would. */
  flushAll(): Promise<void>;
  /** Stops it for good and removes its directory. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/**
 * Starts `redis-server` on a free loopback port with no persistence, in a temporary directory,
 * and waits until it accepts connections. `extraArgs` add settings (e.g. cluster mode).
 */
export async function startRedisServer(
  extraArgs: readonly string[] = [],
): Promise<TestRedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rg-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        ...extraArgs,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          started.stdout?.off('data', onData);
          started.stdout?.resume();
          resolve();
        }
      };
      started.stdout?.on('data', onData);
      started.stderr?.resume();
      started.once('exit', (code) =>
        reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)),
      );
    });
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill('SIGKILL');
    });
  };
  await start();
  const url = `redis://127.0.0.1:${port}`;
  return {
    port,
    url,
    kill,
    start,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async flushAll() {
      const redis = new Redis(url);
      try {
        await redis.flushall();
      } finally {
        redis.disconnect();
      }
    },
    async stop() {
      child?.kill('SIGCONT');
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Redis Cluster of `size` masters (no replicas), every one a process this test started. */
export interface TestRedisCluster {
  /** `127.0.0.1:<port>` of each node. */
  readonly nodes: readonly string[];
  stop(): Promise<void>;
}

export async function startRedisCluster(size = 3): Promise<TestRedisCluster> {
  const servers: TestRedisServer[] = [];
  try {
    for (let i = 0; i < size; i++) {
      servers.push(
        await startRedisServer([
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          'nodes.conf',
          '--cluster-node-timeout',
          '2000',
        ]),
      );
    }
    const nodes = servers.map((s) => `127.0.0.1:${s.port}`);
    await run('redis-cli', [
      '--cluster',
      'create',
      ...nodes,
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    // `create` returns once slots are assigned; every node must agree before clients can use it.
    for (const server of servers) {
      for (let attempt = 0; ; attempt++) {
        const { stdout } = await run('redis-cli', ['-p', String(server.port), 'cluster', 'info']);
        if (stdout.includes('cluster_state:ok')) break;
        if (attempt > 100) throw new Error(`cluster node ${server.port} never became ok`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    return { nodes, stop: async () => void (await Promise.all(servers.map((s) => s.stop()))) };
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
}

/**
 * Keys matching `pattern` on every given server (`redis://…` URLs; for a Cluster, every node), for
 * tests that must wait until something was written in the background.
 */
export async function keysMatching(urls: readonly string[], pattern: string): Promise<string[]> {
  const keys = await Promise.all(
    urls.map(async (url) => {
      const { stdout } = await run('redis-cli', ['-u', url, '--scan', '--pattern', pattern]);
      return stdout.split('\n').filter(Boolean);
    }),
  );
  return keys.flat();
}

/** Resolves once a key matching `pattern` exists; throws after about ten seconds. */
export async function untilKeyExists(urls: readonly string[], pattern: string): Promise<void> {
  for (let attempt = 0; (await keysMatching(urls, pattern)).length === 0; attempt++) {
    if (attempt > 400) throw new Error(`no key ${pattern} was written`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
