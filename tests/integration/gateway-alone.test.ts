import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The README's "gateway alone" command, on a supergraph that has nothing to do with agencies: a small
// shop graph (the shape of the public gateways-benchmark workload) composed here. Its `accounts`
// subgraph is served by the test; `products` is never started.
const accountsSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { me: User  user(id: ID!): User  users: [User] }
  type User @key(fields: "id") { id: ID!  name: String  username: String  birthday: Int }
`);
const productsSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { topProducts(first: Int = 5): [Product] }
  type Product @key(fields: "upc") { upc: String!  name: String  price: Int }
`);

function writeSupergraph(dir: string): string {
  const composed = composeServices([
    { name: 'accounts', url: 'http://127.0.0.1:1/accounts', typeDefs: accountsSdl },
    { name: 'products', url: 'http://127.0.0.1:1/products', typeDefs: productsSdl },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const file = join(dir, 'shop.supergraph.graphql');
  writeFileSync(file, composed.supergraphSdl);
  return file;
}
const users = [
  { id: '1', name: 'Uri Goldshtein', username: 'urigo', birthday: 1234567890 },
  { id: '2', name: 'Dotan Simha', username: 'dotansimha', birthday: 1234567890 },
];

describe('the gateway alone, on any supergraph file and port from the environment', () => {
  let accounts: ApolloServer;
  let gateway: ChildProcess;
  let gatewayUrl: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-gateway-alone-'));

  beforeAll(async () => {
    accounts = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: accountsSdl,
        resolvers: { Query: { users: () => users, me: () => users[0] } },
      }),
    });
    const { url: accountsUrl } = await startStandaloneServer(accounts, {
      listen: { port: 0, host: '127.0.0.1' },
    });
    gateway = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], {
      env: {
        ...process.env,
        APOLLO_TELEMETRY_DISABLED: 'true',
        SUPERGRAPH_PATH: writeSupergraph(dataDir),
        PORT: '0',
        DATA_DIR: dataDir,
        SUBGRAPH_URLS: JSON.stringify({ accounts: accountsUrl }),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gatewayUrl = await new Promise<string>((resolve, reject) => {
      gateway.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
      createInterface({ input: gateway.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'gateway ready' && entry.url) resolve(entry.url);
      });
    });
  });

  afterAll(async () => {
    if (gateway && gateway.exitCode === null) {
      const exited = new Promise((r) => gateway.once('exit', r));
      gateway.kill('SIGTERM');
      await exited;
    }
    await accounts?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = async (query: string) =>
    (await (
      await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      })
    ).json()) as {
      data?: unknown;
      errors?: { extensions?: { code?: string }; message: string }[];
    };

  it('serves that graph without a token', async () => {
    expect(await post('{ users { id username } }')).toEqual({
      data: {
        users: [
          { id: '1', username: 'urigo' },
          { id: '2', username: 'dotansimha' },
        ],
      },
    });
  });

  it('answers the parts it can and names the subgraph that is not there', async () => {
    const result = await post('{ me { name } topProducts { upc } }');
    expect(result.data).toEqual({ me: { name: 'Uri Goldshtein' }, topProducts: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(result.errors?.[0]?.message).toContain('products');
  });
});
