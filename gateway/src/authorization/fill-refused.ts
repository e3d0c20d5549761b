import type { Refusal } from '@resident-graph/authorization';
import {
  GraphQLError,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields.js';
import { rootType, type Coordinate, type Operation } from './refusals.js';

export type Path = readonly (string | number)[];
type Data = Record<string, unknown>;
/** An object that must become null because a non-null field in it could not be given. */
const NULLED = Symbol('nulled');
/** A null for a non-null position: its parent must become null too. */
const BUBBLE = Symbol('bubble');

export interface FilledResult {
  data: Data | null;
  errors: GraphQLError[];
}

/**
 * Puts back, as null with an error each, every field the caller was refused, in the shape the client
 * asked for: walks the client's own operation over the answer to the filtered one, field by field in
 * the client's order, so aliases, fragments and `@include`/`@skip` come out as graphql-js would
 * execute them, and drops the `__typename`s the filter added. A refused non-null field nulls its
 * parent, up to the nearest nullable position, as the GraphQL spec says.
 */
export function fillRefused(
  op: Operation,
  data: Data,
  refused: ReadonlyMap<Coordinate, Refusal>,
  /** Told of every field that comes back with a value (not null): what this answer releases. */
  onValue?: (coordinate: Coordinate, path: Path) => void,
): FilledResult {
  const errors: GraphQLError[] = [];

  const object = (
    type: GraphQLObjectType,
    fields: Map<string, readonly FieldNode[]>,
    value: Data,
    path: Path,
  ): Data | typeof NULLED => {
    const out: Data = {};
    for (const [key, nodes] of fields) {
      const name = nodes[0]?.name.value ?? '';
      const definition = type.getFields()[name];
      if (!definition) {
        // __typename, or introspection: the gateway answered it as asked.
        out[key] = name === '__typename' ? (value[key] ?? type.name) : value[key];
        continue;
      }
      const fieldPath = [...path, key];
      const refusal = refused.get(`${type.name}.${name}`);
      if (refusal) {
        errors.push(
          new GraphQLError(refusal.message, {
            path: fieldPath,
            extensions: { code: refusal.code, reason: refusal.reason },
          }),
        );
        if (isNonNullType(definition.type)) return NULLED;
        out[key] = null;
        continue;
      }
      const completed = complete(definition.type, nodes, value[key], fieldPath);
      if (completed === BUBBLE) return NULLED;
      out[key] = completed;
      if (completed !== null && completed !== undefined)
        onValue?.(`${type.name}.${name}`, fieldPath);
    }
    return out;
  };

  const complete = (
    type: GraphQLOutputType,
    nodes: readonly FieldNode[],
    value: unknown,
    path: Path,
  ): unknown => {
    if (isNonNullType(type)) {
      const inner = complete(type.ofType, nodes, value, path);
      return inner === null && value !== null && value !== undefined ? BUBBLE : inner;
    }
    if (value === null || value === undefined) return null;
    if (isLeafType(type)) return value;
    if (isListType(type)) {
      if (!Array.isArray(value)) return value;
      const items: unknown[] = [];
      for (const [index, item] of value.entries()) {
        const completed = complete(type.ofType, nodes, item, [...path, index]);
        if (completed === BUBBLE) return null;
        items.push(completed);
      }
      return items;
    }
    const runtime = isAbstractType(type)
      ? op.schema.getType(String((value as Data)['__typename']))
      : type;
    if (!isObjectType(runtime)) return value;
    const filled = object(
      runtime,
      collectSubfields(op.schema, op.fragments, op.variables, runtime, nodes),
      value as Data,
      path,
    );
    return filled === NULLED ? null : filled;
  };

  const root = rootType(op);
  const filled = object(
    root,
    collectFields(op.schema, op.fragments, op.variables, root, op.operation.selectionSet),
    data,
    [],
  );
  return { data: filled === NULLED ? null : filled, errors };
}
