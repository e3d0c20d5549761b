import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { executeSync, GraphQLError, graphql, parse, type GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanExecutingGateway } from './plan-executing-gateway.js';

// Differential test: the same operations through Apollo's own executor and through ours, over the
// same subgraphs on real HTTP; the answers (data, errors, extensions, key order) must be identical.

const link =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@shareable"])';

const people = [
  { id: 'p1', name: 'Ava', age: 66, status: 'RETIRED' },
  { id: 'p2', name: 'Ben', age: 31, status: 'ACTIVE' },
  { id: 'p3', name: null, age: 40, status: 'ACTIVE' },
];
const pets = [{ id: 'x1', species: 'cat' }];

const schemas: Record<string, GraphQLSchema> = {
  people: buildSubgraphSchema({
    typeDefs: parse(`${link}
      type Query {
        people: [Person]
        node(id: ID!): Node
        search: [SearchResult!]!
        broken: Person!
      }
      interface Node { id: ID! }
      type Person implements Node @key(fields: "id") {
        id: ID!
        name: String
        mandatoryName: String!
        age: Int
        status: Status
      }
      type Pet implements Node @key(fields: "id") { id: ID!  species: String }
      union SearchResult = Person | Pet
      enum Status { ACTIVE RETIRED }`),
    resolvers: {
      Query: {
        people: () => people,
        node: (_: unknown, { id }: { id: string }) =>
          [...people, ...pets].find((n) => n.id === id) ?? null,
        search: () => [people[0], pets[0], people[1]],
        broken: () => null,
      },
      Node: { __resolveType: (n: { species?: string }) => (n.species ? 'Pet' : 'Person') },
      SearchResult: { __resolveType: (n: { species?: string }) => (n.species ? 'Pet' : 'Person') },
      Person: {
        __resolveReference: ({ id }: { id: string }) => people.find((p) => p.id === id),
        mandatoryName: (p: { name: string | null }) => p.name,
      },
      Pet: { __resolveReference: ({ id }: { id: string }) => pets.find((p) => p.id === id) },
    },
  }),
  reviews: buildSubgraphSchema({
    typeDefs: parse(`${link}
      type Person @key(fields: "id") {
        id: ID!
        age: Int @external
        reviews: [Review]
        seniority: String @requires(fields: "age")
      }
      type Review { body: String  rating: Int! }`),
    resolvers: {
      Person: {
        reviews: ({ id }: { id: string }) => {
          if (id === 'p2')
            throw new GraphQLError('reviews unavailable for p2', {
              extensions: { code: 'REVIEWS_DOWN' },
            });
          return [
            { body: `${id} one`, rating: 5 },
            { body: `${id} two`, rating: id === 'p3' ? null : 3 },
          ];
        },
        seniority: ({ age }: { age: number }) => (age >= 65 ? 'senior' : 'adult'),
      },
    },
  }),
};

const servers: Server[] = [];
const urls: Record<string, string> = {};
let apollo: ApolloServer;
let ours: ApolloServer;
let oursGateway: PlanExecutingGateway;

beforeAll(async () => {
  for (const [name, schema] of Object.entries(schemas)) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        void graphql({ schema, source: body.query, variableValues: body.variables ?? null }).then(
          (result) =>
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  const composed = composeServices(
    Object.entries(schemas).map(([name, schema]) => ({
      name,
      url: urls[name]!,
      typeDefs: parse(sdlOf(schema)),
    })),
  );
  if (!composed.supergraphSdl) throw new Error(JSON.stringify(composed.errors));
  const supergraphSdl = composed.supergraphSdl;
  apollo = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  oursGateway = new PlanExecutingGateway({ supergraphSdl });
  ours = new ApolloServer({ gateway: oursGateway });
  await Promise.all([apollo.start(), ours.start()]);
});

afterAll(async () => {
  await Promise.all([apollo.stop(), ours.stop()]);
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The subgraph's SDL through its own `_service { sdl }`, as a gateway would read it. */
function sdlOf(schema: GraphQLSchema): string {
  const result = executeSync({ schema, document: parse('{ _service { sdl } }') });
  return (result.data as { _service: { sdl: string } })._service.sdl;
}

async function answer(server: ApolloServer, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return JSON.stringify(response.body.singleResult);
}

const cases: [string, string, Record<string, unknown>?][] = [
  ['an entity fetch with @requires', '{ people { id name reviews { body } seniority } }'],
  [
    'aliases, named fragments, __typename and @include',
    `query Q($withAge: Boolean!) {
       crew: people { ...P who: __typename age @include(if: $withAge) status }
     }
     fragment P on Person { id name alias: name }`,
    { withAge: true },
  ],
  [
    '@include off and @skip with a literal',
    `query Q($withAge: Boolean!) {
       people { id age @include(if: $withAge) name @skip(if: true) }
     }`,
    { withAge: false },
  ],
  [
    'unions and interfaces',
    `{
       search { __typename ... on Person { name reviews { rating } } ... on Pet { species } }
       node(id: "p1") { id ... on Person { name seniority } }
       pet: node(id: "x1") { __typename id }
     }`,
  ],
  [
    "a subgraph's error in an entity fetch, at the entity's path",
    '{ people { id reviews { body rating } } }',
  ],
  ['a non-null field a subgraph sent null for', '{ people { id mandatoryName } }'],
  ['a non-null root field that failed', '{ broken { id } }'],
  ['variables that do not fit', 'query Q($withAge: Boolean!) { people { id } }', { withAge: 'x' }],
];

describe('PlanExecutingGateway answers exactly as Apollo executor does', () => {
  it.each(cases)('%s', async (_name, query, variables) => {
    const expected = await answer(apollo, query, variables);
    const before = { ...oursGateway.executions };
    expect(await answer(ours, query, variables)).toBe(expected);
    // Ours ran it, not Apollo's executor it falls back to.
    expect(oursGateway.executions.apolloExecutor).toBe(before.apolloExecutor);
  });

  it('leaves introspection to Apollo executor', async () => {
    const query = '{ __schema { queryType { name } } people { id } }';
    const expected = await answer(apollo, query);
    const before = { ...oursGateway.executions };
    expect(await answer(ours, query)).toBe(expected);
    expect(oursGateway.executions.apolloExecutor).toBe(before.apolloExecutor + 1);
  });

  it('when a subgraph sends a value of the wrong kind', async () => {
    // A subgraph that is not graphql-js: it answers a list field with a string.
    const raw = createServer((req, res) => {
      req.resume();
      req.on('end', () =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: { people: 'not a list' } })),
      );
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/graphql`;
      const { supergraphSdl } = composeServices([
        { name: 'people', url, typeDefs: parse(sdlOf(schemas['people']!)) },
      ]);
      const servers = [
        new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: supergraphSdl! }) }),
        new ApolloServer({ gateway: new PlanExecutingGateway({ supergraphSdl: supergraphSdl! }) }),
      ];
      await Promise.all(servers.map((s) => s.start()));
      try {
        const [expected, actual] = await Promise.all(
          servers.map((s) => answer(s, '{ people { id } }')),
        );
        expect(expected).toContain('errors');
        expect(actual).toBe(expected);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    } finally {
      raw.closeAllConnections();
      await new Promise((resolve) => raw.close(resolve));
    }
  });

  it('when a subgraph is down', async () => {
    const server = servers[1]!;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const query = '{ people { id name reviews { body } } }';
    const expected = await answer(apollo, query);
    expect(expected).toContain('errors');
    expect(await answer(ours, query)).toBe(expected);
  });
});
