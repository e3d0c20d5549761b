import { describe, expect, it } from 'vitest';
import { supergraphSubgraphs } from './supergraph.js';

const supergraph = `
schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) {
  query: Query
}
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
enum join__Graph {
  LIFE_EVENTS @join__graph(name: "life-events", url: "http://127.0.0.1:4102/graphql")
  SSA @join__graph(name: "ssa", url: "")
}
type Query { a: String }
`;

describe('supergraphSubgraphs', () => {
  it('lists the subgraphs of a supergraph by their own names, with their recorded URLs', () => {
    expect(supergraphSubgraphs(supergraph)).toEqual([
      { name: 'life-events', url: 'http://127.0.0.1:4102/graphql' },
      { name: 'ssa', url: '' },
    ]);
  });

  it('finds none in a schema that is not a supergraph', () => {
    expect(supergraphSubgraphs('type Query { a: String }')).toEqual([]);
  });
});
