import { createDatabase, dropDatabase } from '@resident-graph/store';
import {
  deleteRedisKeys,
  SHARED_TEST_REDIS_URL,
  testPostgresServerUrl,
  uniqueRedisPrefix,
} from '@resident-graph/testing';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '../../scripts/lib/subgraphs.js';
import { expectMoveDisclosedAndAudited } from './started-disclosures.js';

// `npm start` and `npm run seed` with DATABASE_URL: the same commands as on SQLite, the stores in
// PostgreSQL (a throwaway database of this test's own), each subgraph connected as its agency's role.
const root = new URL('../..', import.meta.url).pathname;

const redisPrefix = uniqueRedisPrefix('npm-start-postgres');

describe('npm start and npm run seed on PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-start-pg-'));
  const databaseName = `rg_start_${randomBytes(4).toString('hex')}`;
  let env: Record<string, string | undefined> = {};
  let starter: ChildProcess;
  let gatewayUrl = '';
  const output: string[] = [];

  beforeAll(async () => {
    const databaseUrl = await createDatabase(testPostgresServerUrl, databaseName);
    env = {
      ...process.env,
      APOLLO_TELEMETRY_DISABLED: 'true',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      RG_PORTS: 'ephemeral',
      RG_TODAY: '2026-06-15',
      // npm start uses the machine's Redis when it answers: keep to a prefix of our own.
      REDIS_KEY_PREFIX: redisPrefix,
    };
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
        const gateway = /Gateway:\s+(http:\/\/\S+)/.exec(line);
        if (gateway) resolve(gateway[1]!);
      });
    });
  }, 180_000);

  afterAll(async () => {
    await deleteRedisKeys(SHARED_TEST_REDIS_URL, redisPrefix);
    if (starter?.pid && starter.exitCode === null) starter.kill('SIGKILL');
    await dropDatabase(testPostgresServerUrl, databaseName);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds every agency into PostgreSQL, writing no SQLite file', () => {
    expect(output.join('\n')).toContain(`Seeded ${subgraphs.map((s) => s.name).join(', ')}`);
    expect(readdirSync(dataDir).filter((file) => file.endsWith('.sqlite'))).toEqual([]);
  });

  it('answers a life-event query from the PostgreSQL stores', async () => {
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
          '{ me { givenName journey(event: MOVING) { steps { agency task { __typename } } } } }',
      }),
    });
    const body = (await response.json()) as {
      data: { me: { givenName: string; journey: { steps: { agency: string }[] } } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data.me.givenName).toBe('Marcus');
    expect(body.data.me.journey.steps.map((s) => s.agency)).toEqual(['USPS', 'IRS', 'SSA', 'IRS']);
  });

  it('delivers a move through the PostgreSQL outbox and records each agency told, once, in a log that verifies', async () => {
    await expectMoveDisclosedAndAudited({ root, env, gatewayUrl, dataDir });
  }, 60_000);

  it('stops cleanly on Ctrl-C, and `npm run seed -- --if-empty` then finds every store seeded', async () => {
    const exited = new Promise<number | null>((resolve) => starter.once('exit', resolve));
    starter.kill('SIGINT');
    expect(await exited).toBe(0);

    const seed = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/seed.ts', '--residents', '5', '--if-empty'],
      { cwd: root, env, encoding: 'utf8' },
    );
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/Every store was already seeded \(PostgreSQL 127\.0\.0\.1:5432/);
  }, 30_000);
});
