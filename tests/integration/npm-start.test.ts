import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { deleteRedisKeys, SHARED_TEST_REDIS_URL, uniqueRedisPrefix } from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMoveDisclosedAndAudited } from './started-disclosures.js';

// `npm start` as a newcomer runs it: real processes, each subgraph on its own port with its own
// SQLite file in a fresh data directory, seeded on first start; Ctrl-C (SIGINT) stops them all.
// RG_PORTS=ephemeral lets the OS pick the ports, so this never collides with anything on the machine.
const root = new URL('../..', import.meta.url).pathname;

const redisPrefix = uniqueRedisPrefix('npm-start');

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-start-'));
  const env = {
    ...process.env,
    APOLLO_TELEMETRY_DISABLED: 'true',
    DATA_DIR: dataDir,
    RG_PORTS: 'ephemeral',
    RG_TODAY: '2026-06-15',
    // The subgraphs' tell-us-once delivery uses the machine's Redis: keep to a prefix of our own.
    REDIS_KEY_PREFIX: redisPrefix,
  };
  let starter: ChildProcess;
  let gatewayUrl = '';
  const subgraphUrls: string[] = [];
  const output: string[] = [];

  beforeAll(async () => {
    starter = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    createInterface({ input: starter.stderr! }).on('line', (line) => output.push(line));
    gatewayUrl = await new Promise<string>((resolve, reject) => {
      starter.once('exit', (code) =>
        reject(new Error(`npm start exited with ${code}:\n${output.join('\n')}`)),
      );
      createInterface({ input: starter.stdout! }).on('line', (line) => {
        output.push(line);
        const subgraph = /subgraph ready (http:\/\/\S+)/.exec(line);
        if (subgraph) subgraphUrls.push(subgraph[1]!);
        const gateway = /Gateway:\s+(http:\/\/\S+)/.exec(line);
        if (gateway) resolve(gateway[1]!);
      });
    });
  }, 120_000);

  afterAll(async () => {
    if (starter?.pid && starter.exitCode === null) process.kill(-starter.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(SHARED_TEST_REDIS_URL, redisPrefix);
  });

  it('seeds the empty data directory and starts eight subgraphs and the gateway', () => {
    expect(output.join('\n')).toMatch(
      /Seeded identity, life-events, ssa, cms, state, irs, usps, va/,
    );
    expect(new Set(subgraphUrls).size).toBe(8);
  });

  it('answers a persona’s life-event query with a token from `npm run token`', async () => {
    const token = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/token.ts', 'marcus'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(token.status, token.stderr).toBe(0);
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token.stdout.trim()}`,
      },
      body: JSON.stringify({
        query:
          '{ me { givenName activeLifeEvents journey(event: MOVING) { steps { agency task { __typename } } } } }',
      }),
    });
    const body = (await response.json()) as {
      data: {
        me: {
          givenName: string;
          activeLifeEvents: string[];
          journey: { steps: { agency: string }[] };
        };
      };
    };
    expect(body.data.me.givenName).toBe('Marcus');
    expect(body.data.me.activeLifeEvents).toEqual(['MOVING']);
    expect(body.data.me.journey.steps.map((s) => s.agency)).toEqual(['USPS', 'IRS', 'SSA', 'IRS']);
  });

  it('serves the IDE to a browser, whose "sign in as" token the gateway accepts', async () => {
    const page = await fetch(gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('query TurningSixtyFive');
    expect(html).toContain('"handle":"ava"');
    const signIn = await fetch(new URL('/ide/sign-in', gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: 'ava' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const me = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { givenName } }' }),
    });
    expect(await me.json()).toEqual({ data: { me: { givenName: 'Ava' } } });
  });

  it('records every agency a move was told to in the resident’s disclosure log, which audit:verify checks', async () => {
    await expectMoveDisclosedAndAudited({ root, env, gatewayUrl, dataDir });
  }, 60_000);

  it('refuses to re-seed the stores its services have open', () => {
    const seed = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/seed.ts', '--residents', '1'],
      { cwd: root, env, encoding: 'utf8' },
    );
    expect(seed.status).toBe(1);
    expect(seed.stderr).toMatch(/npm start \(pid \d+\) is using/);
  });

  it('stops every service cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => starter.once('exit', resolve));
    starter.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const url of [gatewayUrl, ...subgraphUrls]) {
      await expect(fetch(url.replace('/graphql', '/health')), url).rejects.toThrow();
    }
  }, 30_000);
});
