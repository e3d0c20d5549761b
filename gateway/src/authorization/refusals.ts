import { checkAccess, type AccessRules, type Refusal } from '@resident-graph/authorization';
import type { Caller } from '@resident-graph/caller';
import {
  getNamedType,
  isCompositeType,
  isObjectType,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields.js';

/** `Type.field` on an object type: what a rule is about, and what a caller may be refused. */
export type Coordinate = string;

/** The operation and its fragments, as graphql-js executes them. */
export interface Operation {
  readonly schema: GraphQLSchema;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly variables: Record<string, unknown>;
}

export function operationOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Operation {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return { schema, operation, fragments, variables: variables ?? {} };
}

/** A document whose `@include`/`@skip` some variable decides: walked anew for every request. */
const DEPENDS_ON_VARIABLES = 'depends on variables';
const reachableByDocument = new WeakMap<
  DocumentNode,
  readonly Coordinate[] | typeof DEPENDS_ON_VARIABLES
>();

/**
 * Every object-type field the operation can reach, through fragments, every possible type of an
 * interface or union, aliases, and `@include`/`@skip` as the variables decide. Memoised per parsed
 * document when no variable decides `@include`/`@skip` (Apollo Server reuses parsed documents), and
 * so is that a document's answer depends on its variables: a memoised document is not walked again.
 */
export function reachableCoordinates(document: DocumentNode, op: Operation): readonly Coordinate[] {
  const cached = reachableByDocument.get(document);
  if (cached !== undefined && cached !== DEPENDS_ON_VARIABLES) return cached;
  const cacheable = cached === undefined && !hasVariableConditions(document);
  if (cached === undefined && !cacheable) reachableByDocument.set(document, DEPENDS_ON_VARIABLES);
  const coordinates = new Set<Coordinate>();
  const visited = new Set<string>();
  // Field nodes by a number, so "this type with these selections" can be remembered as visited.
  const ids = new Map<FieldNode, number>();
  const idOf = (node: FieldNode) => {
    let id = ids.get(node);
    if (id === undefined) ids.set(node, (id = ids.size));
    return id;
  };
  const walk = (type: GraphQLObjectType, fields: Map<string, readonly FieldNode[]>) => {
    for (const nodes of fields.values()) {
      const first = nodes[0];
      if (!first) continue;
      const definition = type.getFields()[first.name.value];
      // __typename and introspection (__schema, __type) are not data fields: always allowed.
      if (!definition) continue;
      coordinates.add(`${type.name}.${definition.name}`);
      const named = getNamedType(definition.type);
      if (!isCompositeType(named)) continue;
      const possibleTypes = isObjectType(named) ? [named] : op.schema.getPossibleTypes(named);
      for (const possible of possibleTypes) {
        const key = `${possible.name}|${nodes.map(idOf).join(',')}`;
        if (visited.has(key)) continue;
        visited.add(key);
        walk(possible, collectSubfields(op.schema, op.fragments, op.variables, possible, nodes));
      }
    }
  };
  const root = rootType(op);
  walk(root, collectFields(op.schema, op.fragments, op.variables, root, op.operation.selectionSet));
  const result = [...coordinates].sort();
  if (cacheable) reachableByDocument.set(document, result);
  return result;
}

/** What this caller may not read among `coordinates`; empty when the operation is allowed in full. */
export function refusalsFor(
  caller: Caller,
  rules: AccessRules,
  coordinates: readonly Coordinate[],
): Map<Coordinate, Refusal> {
  const refused = new Map<Coordinate, Refusal>();
  for (const coordinate of coordinates) {
    const dot = coordinate.indexOf('.');
    const requirement = rules.field(coordinate.slice(0, dot), coordinate.slice(dot + 1));
    if (!requirement) continue;
    const refusal = checkAccess(caller, requirement);
    if (refusal) refused.set(coordinate, refusal);
  }
  return refused;
}

export function rootType(op: Operation): GraphQLObjectType {
  const type = op.schema.getRootType(op.operation.operation);
  if (!type) throw new Error(`the schema has no ${op.operation.operation} type`);
  return type;
}

function hasVariableConditions(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (
        (node.name.value === 'include' || node.name.value === 'skip') &&
        node.arguments?.some((a) => a.value.kind === Kind.VARIABLE)
      ) {
        found = true;
      }
    },
  });
  return found;
}
