import {
  CALLER_HEADER,
  generateSigningKey,
  type Caller,
  type SigningKey,
} from '@resident-graph/caller';
import { fixedClock, type IsoDate } from '@resident-graph/calendar';
import {
  createAgencySubgraphServer,
  startDelivery,
  type DeliveryConfig,
  type SubgraphDefinition,
  type SubgraphServer,
} from '@resident-graph/federation';
import { createLogger } from '@resident-graph/logging';
import { personas, type ResidentFacts } from '@resident-graph/personas';
import {
  dropAgencySchema,
  openAgencyDatabase,
  openPostgresAgencyDatabase,
  type AgencyDatabase,
  type Migration,
} from '@resident-graph/store';
import { randomBytes } from 'node:crypto';
import { createTestGatewayKey, signCallerToken, testCaller } from './caller-tokens.js';
import { testDatabaseUrl } from './config.js';

/**
 * A throwaway store for a test: in-memory SQLite, or a fresh PostgreSQL schema when
 * RG_TEST_DATABASE_URL is set (see config.ts). `close` also drops the schema.
 */
export async function openTestStore<DB>(
  name: string,
  migrations: Record<string, Migration>,
): Promise<AgencyDatabase<DB>> {
  if (!testDatabaseUrl) return openAgencyDatabase<DB>(':memory:', migrations);
  const url = testDatabaseUrl;
  const schema = `test_${name.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
  const store = await openPostgresAgencyDatabase<DB>(url, schema, migrations);
  return {
    ...store,
    async close() {
      await store.close();
      await dropAgencySchema(url, schema);
    },
  };
}

/** The date every test pins "today" to, so answers are exact and stay so. */
export const TEST_TODAY: IsoDate = '2026-06-15';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string } & Record<string, unknown>;
  }[];
}

export interface TestSubgraph<DB> {
  url: string;
  store: AgencyDatabase<DB>;
  /** Sends an operation as the gateway would, signed for `caller` (a resident id, a Caller, or null). */
  query<T = Record<string, unknown>>(
    query: string,
    options?: {
      variables?: Record<string, unknown>;
      as?: string | Caller | null;
      headers?: Record<string, string>;
    },
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export interface SubgraphFixtureOptions {
  residents?: readonly ResidentFacts[];
  today?: IsoDate;
  /**
   * Run each subgraph's part in "tell us once" (the life-events outbox relay, the agencies'
   * consumers) against this Redis; default off, so tests that do not act need no Redis.
   */
  delivery?: DeliveryConfig;
}

/**
 * One agency subgraph from its production definition, listening on 127.0.0.1:0, with a fresh
 * in-memory SQLite store seeded with `residents` (the personas by default) and trusting `gatewayKey`.
 */
export async function startSeededSubgraph<DB, Context extends object>(
  definition: SubgraphDefinition<DB, Context>,
  gatewayKey: SigningKey,
  options: SubgraphFixtureOptions = {},
): Promise<{
  url: string;
  store: AgencyDatabase<DB>;
  /** The key the subgraph signs its records with (identity's disclosure log). */
  recordsKey: SigningKey;
  server: SubgraphServer;
  stop(): Promise<void>;
}> {
  const today = options.today ?? TEST_TODAY;
  const store = await openTestStore<DB>(definition.name, definition.migrations);
  await definition.seed(store.db, options.residents ?? personas(today));
  store.resetQueryCount();
  const recordsKey = (await generateSigningKey(`${definition.name}-records-test`)).key;
  const deps = {
    store,
    clock: fixedClock(today),
    logger: createLogger(definition.name, 'silent'),
    recordsKey,
  };
  const delivery = options.delivery ? startDelivery(definition, deps, options.delivery) : null;
  const server = await createAgencySubgraphServer(definition, {
    ...deps,
    gatewayJwks: gatewayKey.jwks,
    delivery,
  });
  const url = await server.listen(0);
  return {
    url,
    store,
    recordsKey,
    server,
    async stop() {
      await server.stop();
      await delivery?.stop();
      await store.close();
    },
  };
}

/** One subgraph alone, spoken to over real HTTP as the gateway would. */
export async function startTestSubgraph<DB, Context extends object>(
  definition: SubgraphDefinition<DB, Context>,
  options: SubgraphFixtureOptions = {},
): Promise<TestSubgraph<DB>> {
  const key = await createTestGatewayKey();
  const { url, store, stop } = await startSeededSubgraph(definition, key, options);
  return {
    url,
    store,
    stop,
    async query(query, { variables, as, headers = {} } = {}) {
      const caller =
        as === undefined || typeof as === 'string' || as === null ? testCaller(as ?? null) : as;
      const token = await signCallerToken(caller, key, definition.name);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: token, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
  };
}

/** An `_entities` query for `representations`, selecting `selection` on `typename`. */
export function entitiesQuery(typename: string, selection: string): string {
  return `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`;
}
