import { Kind, parse, type ConstDirectiveNode, type ConstValueNode } from 'graphql';

/** Where a value comes from, as a resident previewing a release sees it labelled. */
export type DataSource = 'AGENCY_VERIFIED' | 'RESIDENT_PROVIDED';

/** The `@tag` a subgraph puts on a field whose value the resident told the agency themselves. */
export const RESIDENT_PROVIDED_TAG = 'resident-provided';

export interface FieldOrigins {
  /** The subgraph (agency) whose record `Type.field` is: the one that resolves it. */
  agencyOf(coordinate: string): string | undefined;
  sourceOf(coordinate: string): DataSource;
}

/**
 * Which agency owns each field, and whether its value is resident-provided, read from a supergraph's
 * `@join__field`/`@join__type` and `@tag` directives: the disclosure log names the agency whose
 * records left, and the consent preview labels each value with its source.
 */
export function fieldOrigins(supergraphSdl: string): FieldOrigins {
  const document = parse(supergraphSdl, { noLocation: true });
  const graphNames = new Map<string, string>();
  const owners = new Map<string, string>();
  const residentProvided = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph')
      continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = stringArgument(graph, 'name');
      graphNames.set(value.name.value, name ?? value.name.value.toLowerCase());
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeGraphs = (definition.directives ?? [])
      .filter((d) => d.name.value === 'join__type')
      .map((d) => enumArgument(d, 'graph'))
      .filter((g) => g !== undefined);
    for (const field of definition.fields ?? []) {
      const coordinate = `${definition.name.value}.${field.name.value}`;
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const resolving = joins.filter((d) => !booleanArgument(d, 'external'));
      const graph =
        joins.length > 0
          ? enumArgument(resolving[0], 'graph')
          : typeGraphs.length === 1
            ? typeGraphs[0]
            : undefined;
      const agency = graph === undefined ? undefined : graphNames.get(graph);
      if (agency) owners.set(coordinate, agency);
      if (
        (field.directives ?? []).some(
          (d) => d.name.value === 'tag' && stringArgument(d, 'name') === RESIDENT_PROVIDED_TAG,
        )
      )
        residentProvided.add(coordinate);
    }
  }
  return {
    agencyOf: (coordinate) => owners.get(coordinate),
    sourceOf: (coordinate) =>
      residentProvided.has(coordinate) ? 'RESIDENT_PROVIDED' : 'AGENCY_VERIFIED',
  };
}

const argument = (directive: ConstDirectiveNode | undefined, name: string) =>
  directive?.arguments?.find((a) => a.name.value === name)?.value;

function stringArgument(directive: ConstDirectiveNode | undefined, name: string) {
  const value: ConstValueNode | undefined = argument(directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function enumArgument(directive: ConstDirectiveNode | undefined, name: string) {
  const value = argument(directive, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
}

function booleanArgument(directive: ConstDirectiveNode, name: string) {
  const value = argument(directive, name);
  return value?.kind === Kind.BOOLEAN && value.value;
}
