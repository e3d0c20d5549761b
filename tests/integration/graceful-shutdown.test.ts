import { generateSigningKey } from '@resident-graph/caller';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { subgraphs } from '../../scripts/lib/subgraphs.js';

// Real processes: SIGTERM must stop accepting, let in-flight requests finish, and exit 0.
const root = new URL('../..', import.meta.url).pathname;

/** Starts `entry` as its own process and resolves when it reports its URL over IPC. */
async function startProcess(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} exited ${code}:\n${output.join('')}`)));
    child.on('message', (message: { ready?: string }) => {
      if (message.ready) resolve(message.ready);
    });
  });
  return { child, url, output };
}

/** Whether a brand-new connection (no keep-alive reuse) to `url` is refused. */
function refusesNewConnections(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false }, (response) => {
      response.resume();
      resolve(false);
    });
    request.on('error', () => resolve(true));
  });
}

const exitCode = async (child: ChildProcess) =>
  child.exitCode ?? ((await once(child, 'exit')) as [number | null])[0];

describe('graceful shutdown on SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-shutdown-'));
  const children: ChildProcess[] = [];
  let slowSubgraph: Server | undefined;
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    slowSubgraph?.closeAllConnections();
    await new Promise((resolve) => (slowSubgraph ? slowSubgraph.close(resolve) : resolve(null)));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the gateway stops accepting, finishes the request in flight, and exits 0', async () => {
    // A subgraph that takes its time, so a request is in flight when SIGTERM arrives.
    let received!: () => void;
    const requestReceived = new Promise<void>((resolve) => (received = resolve));
    slowSubgraph = createServer((req, res) => {
      req.resume();
      received();
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { lifeEvents: [] } }));
      }, 1_500);
    });
    await new Promise<void>((resolve) => slowSubgraph!.listen(0, '127.0.0.1', resolve));
    const slowUrl = `http://127.0.0.1:${(slowSubgraph.address() as AddressInfo).port}/graphql`;

    const gateway = await startProcess('gateway/src/main.ts', {
      PORT: '0',
      DATA_DIR: dataDir,
      AUTH_DEV_ISSUER: 'true',
      SUPERGRAPH_RELOAD_INTERVAL_MS: '0',
      SHUTDOWN_GRACE_MS: '5000',
      SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(subgraphs.map((s) => [s.name, slowUrl]))),
    });
    children.push(gateway.child);
    const origin = new URL(gateway.url).origin;
    expect((await fetch(`${origin}/health/ready`)).status).toBe(200);

    const inFlight = fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ lifeEvents { kind } }' }),
    });
    await requestReceived;
    gateway.child.kill('SIGTERM');

    let refused = false;
    const deadline = Date.now() + 1_000;
    while (!refused && Date.now() < deadline)
      refused = await refusesNewConnections(`${origin}/health/live`);
    expect(refused).toBe(true);

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { lifeEvents: [] } });
    expect(await exitCode(gateway.child)).toBe(0);
    expect(gateway.output.join('')).toMatch(/gateway stopping/);
  });

  it('a subgraph is ready once its database answers, and exits 0 on SIGTERM', async () => {
    const jwksFile = join(dataDir, 'gateway-caller.jwks.json');
    writeFileSync(jwksFile, JSON.stringify((await generateSigningKey('test-gateway')).key.jwks));
    const ssa = await startProcess('subgraphs/ssa/src/main.ts', {
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_FILE: join(dataDir, 'ssa.sqlite'),
      GATEWAY_JWKS_FILE: jwksFile,
    });
    children.push(ssa.child);
    const ready = await fetch(new URL('/health/ready', ssa.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: 'up' } });
    ssa.child.kill('SIGTERM');
    expect(await exitCode(ssa.child)).toBe(0);
  });
});
