// A subgraph server for `npm run bench:subgraph`, on the runtime named by its argument:
//   - `ours`: createSubgraphServer, as every agency runs (caller token check, request log line,
//     metrics, error masking, cache-control, Express);
//   - `plain`: @apollo/server's startStandaloneServer with its defaults, the baseline.
// Both serve the same federation schema and resolvers, written to cost little themselves, so the
// figures are the runtime's: an AgencyTask entity with an async reference resolver and status.
// The gateway's public key comes in BENCH_GATEWAY_JWKS. Reports `{ ready: url }` over IPC (scripts/bench/pinned-processes.ts) and stops with its parent.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createCallerVerifier } from '@resident-graph/caller';
import { createSubgraphServer } from '@resident-graph/federation';
import { createLogger } from '@resident-graph/logging';
import { parse } from 'graphql';
import type { JSONWebKeySet } from 'jose';

/** The audience of the caller tokens it accepts (ours), from bench-subgraph.ts. */
const name = process.env['BENCH_SUBGRAPH_NAME'] ?? 'cms';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type AgencyTask @key(fields: "id") {
    id: ID!
    title: String!
    status: TaskStatus!
  }
  type TaskStatus {
    code: String!
    label: String!
    description: String!
    nextSteps: [String!]!
    actionRequired: Boolean!
  }
  type Query { task(id: ID!): AgencyTask }
`);

const task = (id: string) => ({ id, title: `Task ${id}` });
const schema = buildSubgraphSchema({
  typeDefs,
  resolvers: {
    Query: { task: (_: unknown, { id }: { id: string }) => task(id) },
    AgencyTask: {
      // Async, as a store look-up is.
      __resolveReference: async ({ id }: { id: string }) => task(id),
      status: async () => ({
        code: 'NOT_STARTED',
        label: 'Not started',
        description: 'Your Initial Enrollment Period starts three months before you turn 65.',
        nextSteps: ['Sign up online or call us.'],
        actionRequired: true,
      }),
    },
  },
});

const runtime = process.argv[2];
let url: string;
if (runtime === 'ours') {
  const jwks = JSON.parse(process.env['BENCH_GATEWAY_JWKS'] ?? '') as JSONWebKeySet;
  const server = createSubgraphServer({
    name,
    schema,
    // Info, as the agencies log: one line per request (to this process's stdout).
    logger: createLogger(name, 'info'),
    verifyCaller: createCallerVerifier(jwks, name),
    createContext: () => ({}),
  });
  url = await server.listen(0);
} else if (runtime === 'plain') {
  ({ url } = await startStandaloneServer(new ApolloServer({ schema }), {
    listen: { port: 0, host: '127.0.0.1' },
  }));
} else {
  throw new Error(`usage: subgraph-under-test.ts ours|plain (got ${runtime})`);
}
process.send?.({ ready: url });
process.on('disconnect', () => process.exit(0));
