import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Coordinate } from './refusals.js';

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * The operation without the fields in `refused`, for the query planner: no subgraph is asked for
 * what the caller may not see. A field of an interface that some implementations refuse becomes one
 * inline fragment per implementation that allows it. A selection left empty keeps `__typename`, so
 * the document stays valid and its parent is still fetched. Every selection on an abstract type gets
 * `__typename`, so the answer says which type each object is when the refused paths are filled in.
 */
export function filterOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
  refused: ReadonlySet<Coordinate>,
): DocumentNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const filteredFragments = new Map<string, FragmentDefinitionNode | null>();

  const fragment = (name: string): FragmentDefinitionNode | null => {
    if (filteredFragments.has(name)) return filteredFragments.get(name) ?? null;
    filteredFragments.set(name, null); // fragments cannot spread themselves (validated), but be safe
    const definition = fragments.get(name);
    const type = definition && schema.getType(definition.typeCondition.name.value);
    const selections = definition && type ? filterSelections(definition.selectionSet, type) : [];
    const filtered =
      definition && selections.length > 0
        ? { ...definition, selectionSet: selectionSet(selections) }
        : null;
    filteredFragments.set(name, filtered);
    return filtered;
  };

  const filterSelections = (set: SelectionSetNode, parent: GraphQLNamedType): SelectionNode[] => {
    const out: SelectionNode[] = [];
    for (const selection of set.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          out.push(...filterField(selection, parent));
          break;
        case Kind.INLINE_FRAGMENT: {
          const type = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : parent;
          const selections = type ? filterSelections(selection.selectionSet, type) : [];
          if (selections.length > 0)
            out.push({ ...selection, selectionSet: selectionSet(selections) });
          break;
        }
        case Kind.FRAGMENT_SPREAD:
          if (fragment(selection.name.value)) out.push(selection);
          break;
      }
    }
    if (out.length > 0 && isAbstractType(parent) && !out.some(isPlainTypename))
      out.unshift(TYPENAME);
    return out;
  };

  const filterField = (field: FieldNode, parent: GraphQLNamedType): SelectionNode[] => {
    if (field.name.value.startsWith('__')) return [field];
    if (isObjectType(parent)) {
      if (refused.has(`${parent.name}.${field.name.value}`)) return [];
      return [withFilteredSelections(field, parent.getFields()[field.name.value]?.type)];
    }
    if (!isInterfaceType(parent)) return [field];
    const implementations = schema.getPossibleTypes(parent);
    const allowed = implementations.filter((t) => !refused.has(`${t.name}.${field.name.value}`));
    if (allowed.length === implementations.length) {
      return [withFilteredSelections(field, parent.getFields()[field.name.value]?.type)];
    }
    // Refused on some implementations only: ask for the field on the others, one fragment each.
    return allowed.map((type): InlineFragmentNode => ({
      kind: Kind.INLINE_FRAGMENT,
      typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type.name } },
      selectionSet: selectionSet([
        withFilteredSelections(field, type.getFields()[field.name.value]?.type),
      ]),
    }));
  };

  const withFilteredSelections = (
    field: FieldNode,
    type: Parameters<typeof getNamedType>[0] | undefined,
  ): FieldNode => {
    if (!field.selectionSet || !type) return field;
    const selections = filterSelections(
      field.selectionSet,
      getNamedType(type) as GraphQLCompositeType,
    );
    return {
      ...field,
      selectionSet: selectionSet(selections.length > 0 ? selections : [TYPENAME]),
    };
  };

  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION &&
      (operationName === null || d.name?.value === operationName),
  );
  if (!operation) throw new Error(`no operation ${operationName ?? '(anonymous)'} in the document`);
  const root = schema.getRootType(operation.operation);
  if (!root) throw new Error(`the schema has no ${operation.operation} type`);
  const rootSelections = filterSelections(operation.selectionSet, root);
  const filteredOperation: OperationDefinitionNode = {
    ...operation,
    selectionSet: selectionSet(rootSelections.length > 0 ? rootSelections : [TYPENAME]),
  };
  // Only the fragments the filtered operation still uses: an unused fragment is invalid GraphQL.
  const used = usedFragments(
    filteredOperation.selectionSet,
    (name) => filteredFragments.get(name) ?? null,
  );
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      filteredOperation,
      ...[...used].map((name) => filteredFragments.get(name) as FragmentDefinitionNode),
    ],
  };
}

const selectionSet = (selections: readonly SelectionNode[]): SelectionSetNode => ({
  kind: Kind.SELECTION_SET,
  selections,
});

const isPlainTypename = (s: SelectionNode) =>
  s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias;

function usedFragments(
  root: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | null,
): Set<string> {
  const used = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const definition = fragment(name);
        if (used.has(name) || !definition) continue;
        used.add(name);
        walk(definition.selectionSet);
      } else if (selection.selectionSet) {
        walk(selection.selectionSet);
      }
    }
  };
  walk(root);
  return used;
}
