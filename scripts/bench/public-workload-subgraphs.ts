// The four subgraphs of the public gateway workload (../shared/bench/gateways-benchmark), from its
// data, on one port under /accounts, /inventory, /products and /reviews, answering from memory (each
// distinct request executed once, then its answer's bytes reused) so the gateway under test is the
// bottleneck. GET /stats counts the requests each path received.
// Run by `npm run bench:gateway`: node --import tsx scripts/bench/public-workload-subgraphs.ts <workload dir>
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

interface User {
  id: string;
  name: string;
  username: string;
  birthday: number;
}
interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}
interface Stock {
  upc: string;
  inStock: boolean;
  price: number | null;
  weight: number | null;
}
interface Review {
  id: string;
  body: string;
  product: { upc: string };
}
interface Data {
  users: User[];
  inventory: Stock[];
  products: Product[];
  reviews: Review[];
}

const workloadDir = process.argv[2];
if (!workloadDir) throw new Error('usage: public-workload-subgraphs.ts <workload dir>');
const data = JSON.parse(readFileSync(join(workloadDir, 'subgraph-data.json'), 'utf8')) as Data;
const link =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides"])';
const byId = <T, K extends keyof T>(items: T[], key: K) => new Map(items.map((i) => [i[key], i]));
const users = byId(data.users, 'id');
const products = byId(data.products, 'upc');
const stock = byId(data.inventory, 'upc');
const firstReviews = data.reviews.slice(0, 2);

const schemas: Record<string, GraphQLSchema> = {
  accounts: buildSubgraphSchema({
    typeDefs: parse(`${link}
      type Query { me: User  user(id: ID!): User  users: [User] }
      type User @key(fields: "id") { id: ID!  name: String  username: String  birthday: Int }`),
    resolvers: {
      Query: {
        me: () => data.users[0],
        user: (_: unknown, { id }: { id: string }) => users.get(id),
        users: () => data.users,
      },
      User: { __resolveReference: ({ id }: { id: string }) => users.get(id) },
    },
  }),
  inventory: buildSubgraphSchema({
    typeDefs: parse(`${link}
      type Product @key(fields: "upc") {
        upc: String!  weight: Int @external  price: Int @external  inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`),
    resolvers: {
      Product: {
        // By upc only, ignoring the price and weight sent along (the workload's own rule).
        __resolveReference: ({ upc }: { upc: string }) => stock.get(upc),
        shippingEstimate: (p: Stock) =>
          p.price === null || p.weight === null ? null : p.price > 1000 ? 0 : p.weight * 0.5,
      },
    },
  }),
  products: buildSubgraphSchema({
    typeDefs: parse(`${link}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`),
    resolvers: {
      Query: {
        topProducts: (_: unknown, { first }: { first: number }) => data.products.slice(0, first),
      },
      Product: { __resolveReference: ({ upc }: { upc: string }) => products.get(upc) },
    },
  }),
  reviews: buildSubgraphSchema({
    typeDefs: parse(`${link}
      type Review @key(fields: "id") { id: ID!  body: String  product: Product  author: User @provides(fields: "username") }
      type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
      type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`),
    resolvers: {
      Review: { author: () => ({ id: '1', username: 'urigo' }) },
      // A provided username comes with the author; the subgraph's own answer is "user".
      User: {
        username: (u: { username?: string }) => u.username ?? 'user',
        reviews: () => firstReviews,
      },
      Product: {
        reviews: ({ upc }: { upc: string }) => data.reviews.filter((r) => r.product.upc === upc),
      },
    },
  }),
};

/**
 * Parsed and validated documents by subgraph and query text. A gateway sends the same few plan
 * fetches again and again; parsing and validating each one anew would make these subgraphs, not
 * the gateway under test, the bottleneck (they share a core with the load tool).
 */
const documents = new Map<string, DocumentNode | { errors: readonly unknown[] }>();
function documentFor(name: string, schema: GraphQLSchema, query: string) {
  const key = `${name}\n${query}`;
  let document = documents.get(key);
  if (!document) {
    try {
      const parsed = parse(query);
      const errors = validate(schema, parsed);
      document = errors.length > 0 ? { errors } : parsed;
    } catch (error) {
      document = { errors: [{ message: (error as Error).message }] };
    }
    documents.set(key, document);
  }
  return document;
}

/** Answers by subgraph and request text (bounded: a gateway sends a few distinct fetches). */
const answers = new Map<string, string>();
const MAX_ANSWERS = 10_000;

const counts: Record<string, number> = Object.fromEntries(Object.keys(schemas).map((n) => [n, 0]));
const server = createServer((req, res) => {
  const name = (req.url ?? '').slice(1).split('?')[0] ?? '';
  if (req.method === 'GET' && (name === 'stats' || name === 'health')) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
    return;
  }
  const schema = schemas[name];
  if (!schema || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  counts[name] = (counts[name] ?? 0) + 1;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const send = (answer: string) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    // The data never changes, so the same request always gets the same bytes: answered from
    // memory after the first time, as the workload intends ("so the gateway is the bottleneck":
    // these subgraphs share a core with the load tool). Every gateway gets the same treatment.
    const answerKey = `${name}\n${text}`;
    const known = answers.get(answerKey);
    if (known !== undefined) {
      send(known);
      return;
    }
    const body = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
    const document = documentFor(name, schema, body.query);
    const reply = (result: unknown) => {
      const answer = JSON.stringify(result);
      if (answers.size < MAX_ANSWERS) answers.set(answerKey, answer);
      send(answer);
    };
    if ('errors' in document) {
      reply(document);
      return;
    }
    void Promise.resolve(
      execute({ schema, document, variableValues: body.variables ?? null }),
    ).then(reply);
  });
});
// Longer than any gateway keeps idle connections, so none finds its socket closed under it.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: `http://127.0.0.1:${port}` });
  process.once('disconnect', () => process.exit(0));
});
