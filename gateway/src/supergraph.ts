import { Kind, parse, type ConstValueNode } from 'graphql';

export interface SupergraphSubgraph {
  /** Name as the supergraph spells it (`@join__graph(name:)`); ApolloGateway keys services by it. */
  readonly name: string;
  /** URL recorded at composition time; empty when the supergraph was composed without one. */
  readonly url: string;
}

/**
 * The subgraphs a supergraph SDL names, read from its `join__Graph` enum. Used to check URL overrides
 * at start-up, so a misspelt subgraph name fails loudly instead of being silently ignored.
 */
export function supergraphSubgraphs(supergraphSdl: string): SupergraphSubgraph[] {
  const document = parse(supergraphSdl, { noLocation: true });
  const subgraphs: SupergraphSubgraph[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph')
      continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const argument = (name: string) =>
        stringValue(graph?.arguments?.find((a) => a.name.value === name)?.value);
      subgraphs.push({
        name: argument('name') ?? value.name.value.toLowerCase(),
        url: argument('url') ?? '',
      });
    }
  }
  return subgraphs;
}

function stringValue(node: ConstValueNode | undefined): string | undefined {
  return node?.kind === Kind.STRING ? node.value : undefined;
}
