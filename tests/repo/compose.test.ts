import { describe, expect, it } from 'vitest';
import { CompositionError, composeSubgraphs } from '../../scripts/lib/compose-supergraph.js';

const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;

describe('composition as a build step', () => {
  it('composes compatible subgraphs into a supergraph naming each one', () => {
    const { supergraphSdl } = composeSubgraphs([
      {
        name: 'identity',
        url: 'http://127.0.0.1:4101/graphql',
        sdl: `${link} type Query { me: Resident } type Resident @key(fields: "id") { id: ID! }`,
      },
      {
        name: 'ssa',
        url: 'http://127.0.0.1:4103/graphql',
        sdl: `${link} type Resident @key(fields: "id") { id: ID! ssnLast4: String }`,
      },
    ]);
    expect(supergraphSdl).toContain(
      'IDENTITY @join__graph(name: "identity", url: "http://127.0.0.1:4101/graphql")',
    );
    expect(supergraphSdl).toMatch(/ssnLast4: String @join__field\(graph: SSA\)/);
  });

  it('fails with every error, readably, when two agencies disagree on a shared field', () => {
    const compose = () =>
      composeSubgraphs([
        {
          name: 'identity',
          url: 'http://a',
          sdl: `${link} type Query { me: Resident } type Resident @key(fields: "id") { id: ID! birthDate: String! }`,
        },
        {
          name: 'cms',
          url: 'http://b',
          sdl: `${link} type Resident @key(fields: "id") { id: ID! birthDate: Int }`,
        },
      ]);
    expect(compose).toThrow(CompositionError);
    try {
      compose();
    } catch (error) {
      const message = (error as CompositionError).message;
      expect(message).toMatch(/^Composition failed with \d+ error\(s\):/);
      expect(message).toContain('Resident.birthDate');
      expect(message).toMatch(/\[[A-Z_]+\]/);
      expect(message).not.toMatch(/at .*\.js:\d+/);
    }
  });
});
