import { testPostgresServerUrl } from '@resident-graph/testing';
import { agencyDatabaseUrl, createDatabase, dropDatabase } from '@resident-graph/store';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDeploymentSecrets } from '../../scripts/lib/deployment-secrets.js';
import { subgraphs } from '../../scripts/lib/subgraphs.js';
import { variablesReadBy } from '../repo/variables-read.js';
import {
  eventually,
  freePort,
  repositoryRoot,
  startHaproxy,
  startNodeService,
  stopProcess,
  type RunningProcess,
} from './topology.js';

// docker-compose.yml's topology as plain processes, since no container engine runs here: the setup
// step (keys, then `npm run seed` into PostgreSQL), every subgraph on PostgreSQL as its own agency
// role, two gateway replicas, and HAProxy with the very deploy/haproxy.cfg compose mounts (only the
// addresses come from the environment, as in compose). Checked end to end through the load balancer.
//
// Redis: both replicas get the machine's Redis (127.0.0.1:6379, under a key prefix of this run's own,
// removed afterwards) as soon as the gateway's config reads REDIS_URL — the change that gives the
// gateway its Redis tier adds it. Until then there is nothing to pass (TODO(redis): once merged,
// docker-compose.yml's gateways get REDIS_URL too, see the TODO there).

const TODAY = '2026-06-15';
const gatewayVariables = variablesReadBy(`${repositoryRoot}gateway/src/config.ts`);
/** Whether the gateway has a Redis tier to share (see above). */
const sharesRedis = gatewayVariables.has('REDIS_URL');
const redisKeyPrefix = `rg-deploy-${randomBytes(4).toString('hex')}`;
const LIFE_EVENT_QUERY =
  'query Moving { me { givenName activeLifeEvents journey(event: MOVING) { steps { agency task { __typename } } } } }';

interface Answer {
  status: number;
  body: { data?: { me?: { givenName: string; journey: { steps: { agency: string }[] } } } };
  errors?: unknown[];
}

describe('the deployment topology: two gateways behind HAProxy, subgraphs on PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-deploy-'));
  const databaseName = `rg_deploy_${randomBytes(4).toString('hex')}`;
  let databaseUrl = '';
  const services: RunningProcess[] = [];
  let gateways: RunningProcess[] = [];
  let haproxy: RunningProcess | undefined;
  let lbUrl = '';
  let adminUrl = '';
  let token = '';

  const env = { DATA_DIR: dataDir, RG_TODAY: TODAY, LOG_LEVEL: 'info' };

  /** Runs a setup script to completion, as compose's one-shot `setup` service does. */
  function runScript(script: string, args: string[], extraEnv: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', ...env, ...extraEnv },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`${script} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
  }

  /** The active servers HAProxy's health checks currently let traffic go to. */
  async function activeGateways(): Promise<number> {
    const metrics = await (await fetch(`${adminUrl}/metrics`)).text();
    const line = metrics
      .split('\n')
      .find((l) => l.startsWith('haproxy_backend_active_servers{proxy="gateways"}'));
    return Number(line?.split(' ').at(-1) ?? NaN);
  }

  /** The life-event query through the load balancer; a refused or non-JSON answer is a failure too. */
  async function query(requestId: string): Promise<Answer> {
    try {
      const response = await fetch(lbUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': requestId,
        },
        body: JSON.stringify({ query: LIFE_EVENT_QUERY }),
      });
      const text = await response.text();
      try {
        const body = JSON.parse(text) as Answer['body'] & { errors?: unknown[] };
        return { status: response.status, body, errors: body.errors };
      } catch {
        return { status: response.status, body: {}, errors: [text.slice(0, 200)] };
      }
    } catch (error) {
      return { status: 0, body: {}, errors: [(error as Error).message] };
    }
  }

  /** Which gateway replica logged the request with `requestId` (undefined until one has). */
  function servedBy(requestId: string): string | undefined {
    const marker = `"requestId":"${requestId}"`;
    return gateways.find((g) =>
      g.lines.some((line) => line.includes(marker) && line.includes('graphql request')),
    )?.name;
  }

  beforeAll(async () => {
    databaseUrl = await createDatabase(testPostgresServerUrl, databaseName);
    // `npm run deploy:secrets`, then compose's `setup`: the development keys, and the seed into
    // PostgreSQL with an admin URL, setting each agency role's password from its secret file.
    const secrets = join(dataDir, 'secrets');
    mkdirSync(secrets);
    writeDeploymentSecrets(secrets);
    runScript('scripts/keys.ts', []);
    runScript(
      'scripts/seed.ts',
      ['--residents', '20', '--if-empty', '--as-of', TODAY, '--role-password-dir', secrets],
      { DATABASE_URL: databaseUrl },
    );

    // Each agency connects as its own role, its password read from its own secret file (the test
    // server trusts local connections, so the password is read and sent but not what admits it).
    const subgraphProcesses = await Promise.all(
      subgraphs.map((definition) =>
        startNodeService(definition.name, `subgraphs/${definition.name}/src/main.ts`, {
          ...env,
          PORT: '0',
          DATABASE_URL: agencyDatabaseUrl(databaseUrl, definition.name),
          DATABASE_PASSWORD_FILE: join(secrets, `db-password-${definition.name}`),
        }),
      ),
    );
    services.push(...subgraphProcesses);
    const subgraphUrls = JSON.stringify(
      Object.fromEntries(subgraphProcesses.map((s) => [s.name, s.url])),
    );
    gateways = await Promise.all(
      ['gateway-1', 'gateway-2'].map((name) =>
        startNodeService(name, 'gateway/src/main.ts', {
          ...env,
          PORT: '0',
          // As the image sets it: no IDE, no introspection.
          NODE_ENV: 'production',
          AUTH_DEV_ISSUER: 'true',
          SUBGRAPH_URLS: subgraphUrls,
          SUPERGRAPH_RELOAD_INTERVAL_MS: '0',
          ...(sharesRedis ? { REDIS_URL: 'redis://127.0.0.1:6379/0' } : {}),
          ...(sharesRedis && gatewayVariables.has('REDIS_KEY_PREFIX')
            ? { REDIS_KEY_PREFIX: redisKeyPrefix }
            : {}),
        }),
      ),
    );
    services.push(...gateways);

    const [lbPort, adminPort] = [await freePort(), await freePort()];
    haproxy = startHaproxy('deploy/haproxy.cfg', {
      LB_BIND: `127.0.0.1:${lbPort}`,
      LB_ADMIN: `127.0.0.1:${adminPort}`,
      GATEWAY_1: new URL(gateways[0]!.url).host,
      GATEWAY_2: new URL(gateways[1]!.url).host,
    });
    lbUrl = `http://127.0.0.1:${lbPort}/graphql`;
    adminUrl = `http://127.0.0.1:${adminPort}`;
    // Ready once HAProxy's own readiness checks have let both replicas in.
    await eventually('HAProxy to see both gateways ready', async () => {
      if (haproxy!.child.exitCode !== null) {
        throw new Error(`haproxy exited:\n${haproxy!.lines.join('\n')}`);
      }
      return (await activeGateways().catch(() => 0)) === 2 ? true : undefined;
    });
    token = runScript('scripts/token.ts', ['marcus']).trim();
  }, 120_000);

  afterAll(async () => {
    await Promise.all([haproxy, ...services].flatMap((p) => (p ? [stopProcess(p)] : [])));
    await dropDatabase(testPostgresServerUrl, databaseName);
    rmSync(dataDir, { recursive: true, force: true });
    if (sharesRedis) {
      // What the replicas wrote to the shared Redis, under this run's prefix only.
      spawnSync('sh', [
        '-c',
        `redis-cli --scan --pattern '${redisKeyPrefix}*' | xargs -r redis-cli del`,
      ]);
    }
  });

  it.skipIf(!sharesRedis)('connects both replicas to the shared Redis', async () => {
    for (const gateway of gateways) {
      const ready = (await (await fetch(new URL('/health/ready', gateway.url))).json()) as {
        checks: { redis?: unknown };
      };
      expect(ready.checks.redis, gateway.name).not.toBe('not configured');
      expect(JSON.stringify(ready.checks.redis), gateway.name).toContain('up');
    }
  });

  it('keeps every agency store in PostgreSQL, none in SQLite files', () => {
    expect(readdirSync(dataDir).filter((file) => file.endsWith('.sqlite'))).toEqual([]);
  });

  it('answers a life-event query through the load balancer', async () => {
    const answer = await query('deploy-first');
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.body.data?.me?.givenName).toBe('Marcus');
    expect(answer.body.data?.me?.journey.steps.map((s) => s.agency)).toEqual([
      'USPS',
      'IRS',
      'SSA',
      'IRS',
    ]);
  });

  it('spreads requests over both replicas, without stickiness', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `deploy-spread-${i}`);
    for (const id of ids) expect((await query(id)).status).toBe(200);
    const replicas = await Promise.all(
      ids.map((id) => eventually(`the gateway log line of ${id}`, () => servedBy(id))),
    );
    // One client on one keep-alive connection, yet both replicas served it.
    expect([...new Set(replicas)].sort()).toEqual(['gateway-1', 'gateway-2']);
  });

  it('keeps answering through the other replica when one is stopped', async () => {
    const [stopped, survivor] = gateways as [RunningProcess, RunningProcess];
    const answers: Answer[] = [];
    let sent = 0;
    let stopping: Promise<void> | undefined;
    // Four clients in a loop; the first replica gets SIGTERM once traffic flows, and the loop goes on
    // until it has exited and HAProxy's checks have taken it out.
    const client = async () => {
      for (;;) {
        const id = `deploy-stop-${sent++}`;
        answers.push(await query(id));
        if (sent === 20) stopping = stopProcess(stopped);
        if (stopping && stopped.child.exitCode !== null && (await activeGateways()) === 1) return;
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    await stopping;
    expect(await stopped.exited).toBe(0);

    const failures = answers.filter(
      (a) => a.status !== 200 || a.errors !== undefined || a.body.data?.me?.givenName !== 'Marcus',
    );
    expect(failures).toEqual([]);
    expect(answers.length).toBeGreaterThan(20);

    // From now on every request reaches the survivor.
    const after = ['deploy-after-0', 'deploy-after-1', 'deploy-after-2', 'deploy-after-3'];
    for (const id of after) expect((await query(id)).status).toBe(200);
    for (const id of after) {
      expect(await eventually(`the log line of ${id}`, () => servedBy(id))).toBe(survivor.name);
    }
  });
});
