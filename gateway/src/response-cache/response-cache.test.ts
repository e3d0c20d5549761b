import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import { loadClientRegistry } from '@resident-graph/authorization';
import {
  CALLER_HEADER,
  createCallerVerifier,
  generateSigningKey,
  type Caller,
  type SigningKey,
} from '@resident-graph/caller';
import { DEV_AUDIENCE, DEV_ISSUER, issueAccessToken } from '@resident-graph/dev-issuer';
import { createLogger } from '@resident-graph/logging';
import express from 'express';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parse, type GraphQLResolveInfo } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccessTokenVerifier } from '../auth/access-token.js';
import { createGateway, type Gateway } from '../gateway.js';
import { createInProcessTier } from '../shared-tier/in-process-tier.js';
import { createRedisTier } from '../shared-tier/redis-tier.js';
import type { SharedTier } from '../shared-tier/shared-tier.js';

// The response cache and in-flight deduplication against a small subgraph that says how long its
// answers keep (Cache-Control, as Apollo Server sends from cache hints) and has a mutation.

type Context = { caller: Caller };
type Hint = { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' };
/** What Apollo Server adds to `info`: the field's cache hint, sent as Cache-Control. */
const setCacheHint = (info: GraphQLResolveInfo, hint: Hint) =>
  (
    info as GraphQLResolveInfo & { cacheControl: { setCacheHint(h: Hint): void } }
  ).cacheControl.setCacheHint(hint);

const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    "Private, 60 s."
    myNotes: [String!]!
    "Public, 60 s."
    catalog: [String!]!
    "Private, 60 s; answers only when the test lets it (to hold fetches in flight)."
    slowNotes: [String!]!
  }
  type Mutation { addNote(text: String!): [String!]! }`;

const notes = new Map<string, string[]>();
const calls = { myNotes: 0, catalog: 0, slowNotes: 0, addNote: 0 };
let releaseSlow: () => void = () => undefined;
let slowGate = Promise.resolve();
const notesOf = (caller: Caller) => notes.get(caller.residentId ?? '') ?? [];

const resolvers = {
  Query: {
    myNotes: (_: unknown, __: unknown, { caller }: Context, info: GraphQLResolveInfo) => {
      calls.myNotes++;
      setCacheHint(info, { maxAge: 60, scope: 'PRIVATE' });
      return notesOf(caller);
    },
    catalog: (_: unknown, __: unknown, ___: Context, info: GraphQLResolveInfo) => {
      calls.catalog++;
      setCacheHint(info, { maxAge: 60, scope: 'PUBLIC' });
      return ['TURNING_65', 'MOVING'];
    },
    slowNotes: async (_: unknown, __: unknown, { caller }: Context, info: GraphQLResolveInfo) => {
      calls.slowNotes++;
      setCacheHint(info, { maxAge: 60, scope: 'PRIVATE' });
      await slowGate;
      return notesOf(caller);
    },
  },
  Mutation: {
    addNote: (_: unknown, { text }: { text: string }, { caller }: Context) => {
      calls.addNote++;
      const list = [...notesOf(caller), text];
      notes.set(caller.residentId ?? '', list);
      return list;
    },
  },
};

let gatewayKey: SigningKey;
let issuerKey: SigningKey;
let subgraph: { url: string; server: Server; apollo: ApolloServer<Context> };
let supergraphSdl: string;
let url: string;
/** Resolves when every shared-tier write started so far is done (Apollo does not await them). */
let settle: () => Promise<void> = async () => undefined;

async function startNotesSubgraph(key: SigningKey) {
  const verify = createCallerVerifier(key.jwks, 'notes');
  const apollo = new ApolloServer<Context>({
    schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.headers[CALLER_HEADER];
        return { caller: await verify(typeof header === 'string' ? header : undefined) };
      },
    }),
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    server,
    apollo,
  };
}

beforeAll(async () => {
  gatewayKey = (await generateSigningKey('gateway-test')).key;
  issuerKey = (await generateSigningKey('issuer-test')).key;
  subgraph = await startNotesSubgraph(gatewayKey);
  const composed = composeServices([{ name: 'notes', url: subgraph.url, typeDefs: parse(sdl) }]);
  if (!composed.supergraphSdl) throw new Error(composed.errors?.map((e) => e.message).join('\n'));
  supergraphSdl = composed.supergraphSdl;
});

afterAll(async () => {
  await subgraph?.apollo.stop();
  subgraph?.server.close();
  // Leave nothing behind on the machine's Redis.
  const script =
    "local keys = redis.call('KEYS', ARGV[1]) for _, key in ipairs(keys) do redis.call('DEL', key) end return #keys";
  await promisify(execFile)('redis-cli', ['-u', MACHINE_REDIS, 'EVAL', script, '0', `${prefix}:*`]);
});

/** The machine's Redis, shared with other tests: this file uses a key prefix of its own. */
const MACHINE_REDIS = 'redis://127.0.0.1:6379';
const prefix = `rg-test-${randomUUID()}`;
const tiers: [string, () => SharedTier][] = [
  ['in-process', () => createInProcessTier()],
  ['Redis', () => createRedisTier({ target: { url: MACHINE_REDIS } })],
];

async function untilRedisUp(gatewayUrl: string) {
  for (let attempt = 0; ; attempt++) {
    const ready = await (await fetch(new URL('/health/ready', gatewayUrl))).json();
    if ((ready as { checks: { redis: { state?: string } } }).checks.redis.state === 'up') return;
    if (attempt > 200) throw new Error('Redis never came up');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Counts the tier's writes in flight, so a test can wait for them (see settle). */
function tracked(tier: SharedTier): SharedTier {
  const pending = new Set<Promise<void>>();
  settle = async () => void (await Promise.all(pending));
  return {
    ...tier,
    set(key, value, ttlMs) {
      const write = tier.set(key, value, ttlMs).finally(() => pending.delete(write));
      pending.add(write);
      return write;
    },
  };
}

beforeEach(() => {
  for (const name of Object.keys(calls)) calls[name as keyof typeof calls] = 0;
});

const token = (residentId: string, options: { clientId?: string; scopes?: string[] } = {}) =>
  issueAccessToken(issuerKey, { residentId, ...options });

async function ask(query: string, bearer?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  await settle();
  return { ...body, age: response.headers.get('age') };
}

describe.each(tiers)('with the %s tier', (kind, makeTier) => {
  let gateway: Gateway;
  /** Resident ids of this tier's run (the subgraph's notes outlive it). */
  const rid = (id: string) => `${id}_${kind}`;
  beforeAll(async () => {
    gateway = createGateway({
      supergraphSdl,
      verifyAccessToken: createAccessTokenVerifier({
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        jwks: issuerKey.jwks,
      }),
      clients: loadClientRegistry(
        fileURLToPath(new URL('../../../config/clients.json', import.meta.url)),
      ),
      callerSigningKey: gatewayKey,
      logger: createLogger('gateway', 'silent'),
      sharedTier: () => tracked(makeTier()),
      sharedTierKeyPrefix: prefix,
    });
    url = await gateway.listen(0);
    // The gateway does not wait for Redis (it answers without it); the test does.
    if (kind === 'Redis') await untilRedisUp(url);
  });
  afterAll(() => gateway?.stop());

  describe('the response cache', () => {
    it('answers a resident again from the cache, and never another resident', async () => {
      const [ava, walter] = await Promise.all([
        token(rid('rsd_c_ava')),
        token(rid('rsd_c_walter')),
      ]);
      notes.set(rid('rsd_c_ava'), ['ava’s note']);
      notes.set(rid('rsd_c_walter'), ['walter’s note']);
      expect((await ask('{ myNotes }', ava)).data).toEqual({ myNotes: ['ava’s note'] });
      const again = await ask('{ myNotes }', ava);
      expect(again).toMatchObject({ data: { myNotes: ['ava’s note'] }, age: expect.any(String) });
      expect((await ask('{ myNotes }', walter)).data).toEqual({ myNotes: ['walter’s note'] });
      expect(calls.myNotes).toBe(2);
    });

    it('forgets a resident’s private answers the moment they make a mutation, and only theirs', async () => {
      const [ava, walter] = await Promise.all([
        token(rid('rsd_m_ava')),
        token(rid('rsd_m_walter')),
      ]);
      await ask('{ myNotes }', ava);
      await ask('{ myNotes }', walter);
      expect((await ask('{ myNotes }', ava)).age).not.toBeNull();

      await ask('mutation { addNote(text: "new") }', ava);
      const fresh = await ask('{ myNotes }', ava);
      expect(fresh).toMatchObject({ data: { myNotes: ['new'] }, age: null });
      // Walter's cached answer is untouched by Ava's mutation.
      expect((await ask('{ myNotes }', walter)).age).not.toBeNull();
      expect(calls.myNotes).toBe(3);
    });

    it('never serves or stores an answer for a third-party application', async () => {
      const integrator = await token(rid('rsd_t_ava'), {
        clientId: 'taxhelper-demo',
        scopes: ['identity:read', 'irs:read'],
      });
      for (let i = 0; i < 3; i++) expect((await ask('{ myNotes }', integrator)).age).toBeNull();
      expect(calls.myNotes).toBe(3);
      // …nor an answer cached for the resident's own app.
      const own = await token(rid('rsd_t_ava'));
      await ask('{ myNotes }', own);
      expect((await ask('{ myNotes }', own)).age).not.toBeNull();
      expect((await ask('{ myNotes }', integrator)).age).toBeNull();
    });

    it('shares public answers among callers the authorization rules treat alike, and only them', async () => {
      await ask('{ catalog }', await token(rid('rsd_p_1')));
      expect((await ask('{ catalog }', await token(rid('rsd_p_2')))).age).not.toBeNull();
      // Fewer scopes: a different key, asked again.
      expect(
        (await ask('{ catalog }', await token(rid('rsd_p_3'), { scopes: ['identity:read'] }))).age,
      ).toBeNull();
      // Anonymous callers have their own entries.
      expect((await ask('{ catalog }')).age).toBeNull();
      expect((await ask('{ catalog }')).age).not.toBeNull();
      expect(calls.catalog).toBe(3);
    });
  });

  describe('in-flight deduplication', () => {
    async function metric(name: string): Promise<number> {
      const text = await (await fetch(new URL('/metrics', url))).text();
      return Number(new RegExp(`${name}\\{[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
    }
    const hold = () => {
      slowGate = new Promise((resolve) => (releaseSlow = resolve));
    };
    async function until(predicate: () => Promise<boolean> | boolean) {
      for (let i = 0; !(await predicate()); i++) {
        if (i > 400) throw new Error('gave up waiting');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }

    it('sends one fetch for one caller’s identical concurrent queries', async () => {
      const ava = await token(rid('rsd_d_ava'));
      notes.set(rid('rsd_d_ava'), ['a']);
      hold();
      const before = await metric('subgraph_fetches_deduplicated_total');
      const answers = Promise.all([ask('{ slowNotes }', ava), ask('{ slowNotes }', ava)]);
      await until(async () => (await metric('subgraph_fetches_deduplicated_total')) > before);
      releaseSlow();
      const [first, second] = await answers;
      expect(first.data).toEqual({ slowNotes: ['a'] });
      expect(second.data).toEqual({ slowNotes: ['a'] });
      expect(calls.slowNotes).toBe(1);
    });

    it('never shares a fetch between two residents', async () => {
      const [ava, walter] = await Promise.all([
        token(rid('rsd_e_ava')),
        token(rid('rsd_e_walter')),
      ]);
      notes.set(rid('rsd_e_ava'), ['a']);
      notes.set(rid('rsd_e_walter'), ['w']);
      hold();
      const answers = Promise.all([ask('{ slowNotes }', ava), ask('{ slowNotes }', walter)]);
      await until(() => calls.slowNotes === 2);
      releaseSlow();
      const [a, w] = await answers;
      expect(a.data).toEqual({ slowNotes: ['a'] });
      expect(w.data).toEqual({ slowNotes: ['w'] });
    });

    it('never merges mutations', async () => {
      const ava = await token(rid('rsd_f_ava'));
      await Promise.all([
        ask('mutation { addNote(text: "x") }', ava),
        ask('mutation { addNote(text: "x") }', ava),
      ]);
      expect(calls.addNote).toBe(2);
      expect(notes.get(rid('rsd_f_ava'))).toEqual(['x', 'x']);
    });
  });
});
