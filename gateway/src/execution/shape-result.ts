import {
  GraphQLEnumType,
  GraphQLError,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Turns the data the query plan's fetches merged together into the answer the operation asked for,
 * the way `@apollo/gateway`'s result shaping (resultShaping.ts) does it, with the same errors and
 * null propagation, but compiled once per operation: the selections, their types and their
 * conditions are resolved at compile time instead of on every request through
 * `@apollo/federation-internals`' operation model, which the public workload's profile showed as a
 * large share of Apollo's execution cost.
 */
export interface ResultShaper {
  /**
   * The response data for `input` (the merged fetch results), and the errors Apollo reports as
   * `extensions.valueCompletion` (values a subgraph sent that the schema does not allow).
   */
  shape(input: Record<string, unknown>, variables: Record<string, unknown>): ShapedResult;
}

export interface ShapedResult {
  data: Record<string, unknown> | null;
  errors: GraphQLError[];
}

/**
 * Compiles the shaper for one operation of a validated document against the API schema. Returns
 * null for what it does not shape (introspection fields other than `__typename`): the caller then
 * leaves the request to Apollo's own executor.
 */
export function compileResultShaper(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): ResultShaper | null {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return null;
  const compiler = new Compiler(schema, fragments);
  const root = compiler.selectionSet(operation.selectionSet, rootType);
  if (compiler.unsupported) return null;
  return {
    shape(input, variables) {
      const run: Run = { schema, variables, errors: [], path: [] };
      const data: Record<string, unknown> = {};
      const bubbled = applySelections(run, root, input, data, rootType.name);
      return { data: bubbled ? null : data, errors: run.errors };
    },
  };
}

/** `@skip(if:)` / `@include(if:)` of a selection: a literal, or a variable read per request. */
interface Condition {
  skip: boolean;
  value: boolean | string;
}

type Selection = FieldSelection | TypenameSelection | FragmentSelection;

interface FieldSelection {
  kind: 'field';
  responseName: string;
  conditions: Condition[] | null;
  type: GraphQLOutputType;
  /** For a field of composite type, what is asked of it. */
  selections: Selection[] | null;
}

interface TypenameSelection {
  kind: 'typename';
  responseName: string;
  conditions: Condition[] | null;
}

interface FragmentSelection {
  kind: 'fragment';
  conditions: Condition[] | null;
  /** null: no type condition (always applies). */
  typeCondition: string | null;
  /** The types the fragment applies to (the condition and, if abstract, its possible types). */
  appliesTo: ReadonlySet<string> | null;
  selections: Selection[];
}

class Compiler {
  unsupported = false;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  selectionSet(node: SelectionSetNode, parentType: GraphQLCompositeType): Selection[] {
    const selections: Selection[] = [];
    for (const selection of node.selections) {
      const conditions = conditionsOf(selection.directives);
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const responseName = selection.alias?.value ?? name;
        if (name === '__typename') {
          selections.push({ kind: 'typename', responseName, conditions });
          continue;
        }
        if (name.startsWith('__')) {
          this.unsupported = true;
          continue;
        }
        const field = 'getFields' in parentType ? parentType.getFields()[name] : undefined;
        if (!field) {
          // Validation ran before us: a field we cannot find means a schema we do not understand.
          this.unsupported = true;
          continue;
        }
        const named = namedTypeOf(field.type);
        selections.push({
          kind: 'field',
          responseName,
          conditions,
          type: field.type,
          selections:
            selection.selectionSet && isCompositeType(named)
              ? this.selectionSet(selection.selectionSet, named)
              : null,
        });
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selection
            : this.fragments.get(selection.name.value);
        if (!fragment) {
          this.unsupported = true;
          continue;
        }
        const typeCondition = fragment.typeCondition?.name.value ?? null;
        const conditionType = typeCondition ? this.schema.getType(typeCondition) : parentType;
        if (!conditionType || !isCompositeType(conditionType)) {
          this.unsupported = true;
          continue;
        }
        selections.push({
          kind: 'fragment',
          conditions,
          typeCondition,
          appliesTo: typeCondition ? this.subtypesOf(conditionType) : null,
          selections: this.selectionSet(fragment.selectionSet, conditionType),
        });
      }
    }
    return selections;
  }

  /** The composite types a value may have for `condition` to apply (federation's isSubtype). */
  private subtypesOf(condition: GraphQLCompositeType): Set<string> {
    const names = new Set([condition.name]);
    if (isAbstractType(condition)) {
      for (const type of Object.values(this.schema.getTypeMap())) {
        // Union members, and the objects and interfaces implementing an interface.
        if ((isObjectType(type) || isInterfaceType(type)) && this.schema.isSubType(condition, type))
          names.add(type.name);
      }
    }
    return names;
  }
}

function conditionsOf(directives: readonly DirectiveNode[] | undefined): Condition[] | null {
  if (!directives || directives.length === 0) return null;
  const conditions: Condition[] = [];
  for (const directive of directives) {
    const skip = directive.name.value === 'skip';
    if (!skip && directive.name.value !== 'include') continue;
    const argument = directive.arguments?.find((a) => a.name.value === 'if')?.value;
    if (argument?.kind === Kind.BOOLEAN) conditions.push({ skip, value: argument.value });
    else if (argument?.kind === Kind.VARIABLE)
      conditions.push({ skip, value: argument.name.value });
  }
  return conditions.length > 0 ? conditions : null;
}

function namedTypeOf(type: GraphQLOutputType) {
  let current = type;
  while (current instanceof GraphQLNonNull || current instanceof GraphQLList)
    current = current.ofType as GraphQLOutputType;
  return current;
}

/** State of one shaping run. */
interface Run {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  /** Where in the response the value being shaped goes. */
  path: (string | number)[];
}

function skipped(conditions: Condition[] | null, variables: Record<string, unknown>): boolean {
  if (!conditions) return false;
  for (const { skip, value } of conditions) {
    const on = typeof value === 'boolean' ? value : variables[value] === true;
    if (skip ? on : !on) return true;
  }
  return false;
}

/** Applies `selections` to `input` into `output`; true when a non-null violation bubbles up. */
function applySelections(
  run: Run,
  selections: readonly Selection[],
  input: Record<string, unknown>,
  output: Record<string, unknown>,
  parentTypeName: string,
): boolean {
  for (const selection of selections) {
    if (skipped(selection.conditions, run.variables)) continue;
    if (selection.kind === 'field') {
      const { responseName } = selection;
      const inputValue = Object.hasOwn(input, responseName) ? (input[responseName] ?? null) : null;
      run.path.push(responseName);
      const outcome = completeValue(
        run,
        output[responseName],
        selection.type,
        inputValue,
        selection.selections,
        parentTypeName,
      );
      output[responseName] = outcome.value;
      run.path.pop();
      if (outcome.invalid) return true;
    } else if (selection.kind === 'typename') {
      const { responseName } = selection;
      if (output[responseName] !== undefined) continue;
      let typename: unknown = Object.hasOwn(input, responseName) ? input[responseName] : null;
      if ((typename === null || typename === undefined) && responseName !== '__typename')
        typename = input['__typename'] ?? null;
      const type =
        typeof typename === 'string'
          ? (run.schema.getType(typename) ?? run.schema.getType(parentTypeName))
          : run.schema.getType(parentTypeName);
      if (!isObjectType(type)) return true;
      output[responseName] = type.name;
    } else {
      const typename = input['__typename'];
      const runtimeType = typeof typename === 'string' && typename ? typename : parentTypeName;
      if (selection.appliesTo && !selection.appliesTo.has(runtimeType)) continue;
      if (
        applySelections(
          run,
          selection.selections,
          input,
          output,
          selection.typeCondition ?? parentTypeName,
        )
      )
        return true;
    }
  }
  return false;
}

interface Outcome {
  value: unknown;
  /** The value broke a non-null rule: the parent must become null. */
  invalid?: boolean;
  /** An error was reported for this value already. */
  reported?: boolean;
}

const NULL: Outcome = { value: null };

function completeValue(
  run: Run,
  outputValue: unknown,
  type: GraphQLOutputType,
  inputValue: unknown,
  selections: Selection[] | null,
  parentTypeName: string,
): Outcome {
  if (outputValue === null || (outputValue !== undefined && !selections))
    return { value: outputValue };
  if (type instanceof GraphQLNonNull) {
    const inner = completeValue(
      run,
      outputValue,
      type.ofType as GraphQLOutputType,
      inputValue,
      selections,
      parentTypeName,
    );
    if (inner.value !== null) return inner;
    if (!inner.reported) {
      run.errors.push(
        invalidGraphQL(
          `Cannot return null for non-nullable ${lastElement(run.path, type.ofType as GraphQLOutputType, parentTypeName)}.`,
          run.path,
        ),
      );
    }
    return { value: null, invalid: true, reported: true };
  }
  if (inputValue === null) return NULL;
  if (type instanceof GraphQLList) {
    if (!Array.isArray(inputValue))
      throw new Error(
        `Invalid non-list value ${printed(inputValue)} returned by subgraph for list type ${String(type)}`,
      );
    const outputList = outputValue === undefined ? null : (outputValue as unknown[]);
    const itemType = type.ofType;
    const list: unknown[] = new Array<unknown>(inputValue.length);
    let nullify = false;
    let reported = false;
    for (let index = 0; index < inputValue.length; index++) {
      run.path.push(index);
      const item = completeValue(
        run,
        outputList ? outputList[index] : undefined,
        itemType,
        (inputValue[index] as unknown) ?? null,
        selections,
        parentTypeName,
      );
      run.path.pop();
      if (item.invalid) nullify = true;
      if (item.reported) reported = true;
      list[index] = item.value;
    }
    return { value: nullify ? null : list, reported };
  }
  if (selections) {
    if (typeof inputValue !== 'object')
      throw new Error(
        `Invalid non-object value ${printed(inputValue)} returned by subgraph for composite type ${String(type)}`,
      );
    const object = inputValue as Record<string, unknown>;
    const typename = object['__typename'];
    let objectTypeName = (type as GraphQLCompositeType).name;
    if (typeof typename === 'string' && typename) {
      const named = run.schema.getType(typename);
      if (!named || !isCompositeType(named)) {
        run.errors.push(
          invalidGraphQL(
            `Invalid __typename found for object at ${lastElement(run.path, type, parentTypeName)}.`,
            run.path,
          ),
        );
        return { value: null, reported: true };
      }
      objectTypeName = named.name;
    }
    const output = (outputValue as Record<string, unknown> | undefined) ?? {};
    const bubbled = applySelections(run, selections, object, output, objectTypeName);
    return bubbled ? { value: null, reported: true } : { value: output };
  }
  if (isValidLeafValue(type, inputValue)) return { value: inputValue };
  run.errors.push(
    invalidGraphQL(
      `Invalid value found for ${lastElement(run.path, type, parentTypeName)}.`,
      run.path,
    ),
  );
  return { value: null, reported: true };
}

/** A value as Apollo's messages print it (a template literal: objects as [object Object]). */
const printed = (value: unknown) => String(value);

const integerString = /^-?(?:0|[1-9][0-9]*)$/;

/** federation-internals' isValidLeafValue, on graphql-js types. */
function isValidLeafValue(type: GraphQLOutputType, value: unknown): boolean {
  const name = (type as GraphQLScalarType | GraphQLEnumType).name;
  const builtIn =
    type instanceof GraphQLScalarType &&
    (name === 'Int' ||
      name === 'Float' ||
      name === 'String' ||
      name === 'Boolean' ||
      name === 'ID');
  if (type instanceof GraphQLScalarType && !builtIn) return true;
  if (typeof value === 'boolean') return name === 'Boolean';
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (name === 'Int' || name === 'ID') return integerString.test(String(value));
    return name === 'Float';
  }
  if (typeof value === 'string') {
    if (type instanceof GraphQLEnumType) return type.getValue(value) !== undefined;
    return name !== 'Boolean' && name !== 'Int' && name !== 'Float';
  }
  return false;
}

function lastElement(
  path: readonly (string | number)[],
  type: GraphQLOutputType,
  parentTypeName: string,
): string {
  const element = path[path.length - 1];
  return typeof element === 'string'
    ? `field ${parentTypeName}.${element}`
    : `array element of type ${String(type)} at index ${String(element)}`;
}

function invalidGraphQL(message: string, path: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(message, { path: [...path], extensions: { code: 'INVALID_GRAPHQL' } });
}
