import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { issueAccessToken, loadOrCreateDevIssuerKey } from '@resident-graph/dev-issuer';
import { untilKeyExists } from '@resident-graph/testing/redis';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { parse, type GraphQLResolveInfo } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two gateway processes (gateway/src/main.ts, configured only by environment) sharing the
// machine's Redis under a key prefix of their own: what one learns, the other knows.

const MACHINE_REDIS = 'redis://127.0.0.1:6379';
const prefix = `rg-test-${randomUUID()}`;
const accountsSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { users: [User] }
  type User @key(fields: "id") { id: ID!  name: String }
`);
let usersAsked = 0;

describe('two gateway processes sharing one Redis', () => {
  let accounts: ApolloServer;
  const gateways: ChildProcess[] = [];
  const urls: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-gateway-redis-'));

  async function startGatewayProcess(env: Record<string, string>): Promise<string> {
    const gateway = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], {
      env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    gateways.push(gateway);
    return new Promise<string>((resolve, reject) => {
      gateway.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
      createInterface({ input: gateway.stdout }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'gateway ready' && entry.url) resolve(entry.url);
      });
    });
  }

  beforeAll(async () => {
    accounts = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: accountsSdl,
        resolvers: {
          Query: {
            users: (_: unknown, __: unknown, ___: unknown, info: GraphQLResolveInfo) => {
              usersAsked++;
              // What Apollo Server turns into `Cache-Control: max-age=60, public`.
              (
                info as GraphQLResolveInfo & {
                  cacheControl: { setCacheHint(hint: { maxAge: number; scope: string }): void };
                }
              ).cacheControl.setCacheHint({ maxAge: 60, scope: 'PUBLIC' });
              return [{ id: '1', name: 'Uri' }];
            },
          },
        },
      }),
    });
    const { url: accountsUrl } = await startStandaloneServer(accounts, {
      listen: { port: 0, host: '127.0.0.1' },
    });
    const composed = composeServices([
      { name: 'accounts', url: accountsUrl, typeDefs: accountsSdl },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    const supergraph = join(dataDir, 'supergraph.graphql');
    writeFileSync(supergraph, composed.supergraphSdl);
    // Created once here, so both processes trust the same development issuer.
    await loadOrCreateDevIssuerKey(dataDir);
    const env = {
      SUPERGRAPH_PATH: supergraph,
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      REDIS_URL: MACHINE_REDIS,
      REDIS_KEY_PREFIX: prefix,
      RATE_LIMIT_PER_RESIDENT: '3',
    };
    urls.push(...(await Promise.all([startGatewayProcess(env), startGatewayProcess(env)])));
    // The gateways listen before Redis is connected (they do not need it to answer): wait for it.
    for (const url of urls) {
      for (let attempt = 0; ; attempt++) {
        const ready = (await (await fetch(new URL('/health/ready', url))).json()) as {
          checks: { redis: { state?: string } };
        };
        if (ready.checks.redis.state === 'up') break;
        if (attempt > 200) throw new Error(`Redis never came up: ${JSON.stringify(ready)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  });

  afterAll(async () => {
    await Promise.all(
      gateways
        .filter((g) => g.exitCode === null)
        .map((g) => {
          const exited = new Promise((r) => g.once('exit', r));
          g.kill('SIGTERM');
          return exited;
        }),
    );
    await accounts?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const script =
      "local keys = redis.call('KEYS', ARGV[1]) for _, key in ipairs(keys) do redis.call('DEL', key) end return #keys";
    await promisify(execFile)('redis-cli', [
      '-u',
      MACHINE_REDIS,
      'EVAL',
      script,
      '0',
      `${prefix}:*`,
    ]);
  });

  async function post(gateway: number, body: Record<string, unknown>, token?: string) {
    const response = await fetch(urls[gateway] ?? '', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as {
        data?: unknown;
        errors?: { extensions?: Record<string, unknown> }[];
      },
    };
  }

  it('runs a persisted query registered through the other process', async () => {
    const query = `{ users { id } } # ${randomUUID()}`;
    const extensions = {
      persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
    };
    expect((await post(0, { query, extensions })).body.errors).toBeUndefined();
    expect((await post(1, { extensions })).body).toEqual({ data: { users: [{ id: '1' }] } });
  });

  it('answers from the cache the other process filled', async () => {
    const query = '{ users { id name } }';
    const first = await post(0, { query });
    // Apollo's response cache writes after the answer has gone: wait until it has.
    await untilKeyExists([MACHINE_REDIS], `${prefix}:gateway:v*:rc:*`);
    const asked = usersAsked;
    const second = await post(1, { query });
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('age')).not.toBeNull();
    expect(usersAsked).toBe(asked);
  });

  it('counts a resident’s requests across both processes', async () => {
    const token = await issueAccessToken(await loadOrCreateDevIssuerKey(dataDir), {
      residentId: `rsd_${randomUUID()}`,
    });
    const query = '{ users { id } }';
    const statuses = [];
    for (const gateway of [0, 1, 0]) statuses.push((await post(gateway, { query }, token)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await post(1, { query }, token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
