import { errorCodeDef, ERRORS } from '@apollo/federation-internals';
import type {
  FetchNode,
  PlanNode,
  QueryPlan,
  QueryPlanSelectionNode,
  ResponsePath,
} from '@apollo/query-planner';
import {
  GraphQLError,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';

/**
 * Runs a query plan's fetches and merges their results, the way `@apollo/gateway`'s
 * executeQueryPlan does (same order, same merging, same representations, same error paths), without
 * its per-fetch tracing spans, its generic selection walking and its deep merge through
 * `Object.defineProperty`. Plans with parts this executor does not run (`@defer`, subscriptions,
 * data rewrites of `@interfaceObject` and `@fromContext`) are refused by `isExecutablePlan`; the
 * caller gives those to Apollo's executor.
 */

/** What one subgraph answered to a fetch (already turned into errors when it failed). */
export interface FetchAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Sends one fetch of the plan; `path` is where in the response its results go. */
export type SendFetch = (
  fetch: FetchNode,
  variables: Record<string, unknown>,
  path: ResponsePath,
) => Promise<FetchAnswer>;

export interface PlanExecution {
  /** The merged results, before shaping (see shape-result.ts). */
  data: Record<string, unknown>;
  /** Subgraph errors (with paths in the response), and errors of fetches that could not run. */
  errors: unknown[];
}

/** Whether `executePlan` runs every node of this plan. */
export function isExecutablePlan(plan: QueryPlan): boolean {
  const executable = (node: PlanNode | undefined): boolean => {
    if (!node) return true;
    switch (node.kind) {
      case 'Sequence':
      case 'Parallel':
        return node.nodes.every(executable);
      case 'Flatten':
        return executable(node.node);
      case 'Condition':
        return executable(node.ifClause) && executable(node.elseClause);
      case 'Fetch':
        return (
          !node.inputRewrites?.length &&
          !node.outputRewrites?.length &&
          !node.contextRewrites?.length &&
          !node.hasDefers
        );
      default:
        return false;
    }
  };
  return plan.node?.kind !== 'Subscription' && executable(plan.node);
}

interface Cursor {
  path: ResponsePath;
  data: unknown;
  fullResult: Record<string, unknown>;
}

interface Execution {
  send: SendFetch;
  /** The client's variables as sent (subgraphs get them unchanged, as Apollo sends them). */
  variables: Readonly<Record<string, unknown>>;
  /** The variables with defaults applied, for `Condition` nodes. */
  coercedVariables: Readonly<Record<string, unknown>>;
  projections: RequiresProjections;
  errors: unknown[];
}

export async function executePlan(
  plan: QueryPlan,
  options: {
    send: SendFetch;
    variables: Readonly<Record<string, unknown>>;
    coercedVariables: Readonly<Record<string, unknown>>;
    projections: RequiresProjections;
  },
): Promise<PlanExecution> {
  const data: Record<string, unknown> = {};
  const execution: Execution = { ...options, errors: [] };
  if (plan.node)
    await executeNode(execution, plan.node as PlanNode, { path: [], data, fullResult: data });
  return { data, errors: execution.errors };
}

async function executeNode(execution: Execution, node: PlanNode, cursor: Cursor): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(execution, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(execution, child, cursor)));
      return;
    case 'Flatten': {
      const data = flattenResultsAtPath(cursor.data, node.path);
      if (!data) return;
      await executeNode(execution, node.node, {
        path: cursor.path.concat(node.path),
        data,
        fullResult: cursor.fullResult,
      });
      return;
    }
    case 'Fetch':
      try {
        await executeFetch(execution, node, cursor);
      } catch (error) {
        execution.errors.push(error);
      }
      return;
    case 'Condition': {
      const branch =
        execution.coercedVariables[node.condition] === true ? node.ifClause : node.elseClause;
      if (branch) await executeNode(execution, branch, cursor);
      return;
    }
    default:
      throw new Error(`query plan node ${node.kind} is not executable here`);
  }
}

async function executeFetch(execution: Execution, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const entities = Array.isArray(cursor.data)
    ? (cursor.data as unknown[]).filter((entity) => entity !== null && entity !== undefined)
    : [cursor.data];
  if (entities.length === 0) return;
  const variables: Record<string, unknown> = {};
  for (const name of fetch.variableUsages ?? []) {
    const value = Object.hasOwn(execution.variables, name) ? execution.variables[name] : undefined;
    if (value !== undefined) variables[name] = value;
  }
  if (!fetch.requires) {
    const received = await send(execution, fetch, variables, cursor);
    if (received)
      for (const entity of entities) deepMerge(entity as Record<string, unknown>, received);
    return;
  }
  const project = execution.projections.of(fetch);
  const representations: Record<string, unknown>[] = [];
  const representationToEntity: number[] = [];
  for (let index = 0; index < entities.length; index++) {
    const representation = project(entities[index]);
    if (representation?.['__typename']) {
      representations.push(representation);
      representationToEntity.push(index);
    }
  }
  if (representations.length === 0) return;
  if ('representations' in variables)
    throw new Error('Variables cannot contain key "representations"');
  variables['representations'] = representations;
  const received = await send(execution, fetch, variables, cursor);
  if (!received) return;
  const receivedEntities = received['_entities'];
  if (!Array.isArray(receivedEntities))
    throw new Error('Expected "data._entities" in response to be an array');
  if (receivedEntities.length !== representations.length)
    throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  for (let i = 0; i < receivedEntities.length; i++) {
    const entity = entities[representationToEntity[i]!] as Record<string, unknown>;
    const receivedEntity = receivedEntities[i] as Record<string, unknown> | null;
    if (receivedEntity && !receivedEntity['__typename'])
      receivedEntity['__typename'] = entity['__typename'];
    deepMerge(entity, receivedEntity);
  }
}

async function send(
  execution: Execution,
  fetch: FetchNode,
  variables: Record<string, unknown>,
  cursor: Cursor,
): Promise<Record<string, unknown> | null | undefined> {
  const answer = await execution.send(fetch, variables, cursor.path);
  if (answer.errors) {
    const errorPath = errorPathGenerator(fetch, cursor);
    for (const error of answer.errors)
      execution.errors.push(downstreamServiceError(error, fetch.serviceName, errorPath));
  }
  return answer.data;
}

/** Where a subgraph's error goes in the response (Apollo's makeLazyErrorPathGenerator). */
function errorPathGenerator(fetch: FetchNode, cursor: Cursor) {
  let hydratedPaths: ResponsePath[] | undefined;
  return (errorPath: readonly (string | number)[] | undefined): ResponsePath | undefined => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydratedPaths) {
        hydratedPaths = [];
        generateHydratedPaths([], cursor.path, cursor.fullResult, hydratedPaths);
      }
      return [...(hydratedPaths[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

function generateHydratedPaths(
  parent: ResponsePath,
  path: ResponsePath,
  data: unknown,
  result: ResponsePath[],
): void {
  if (data === null || data === undefined) return;
  const head = path[0];
  if (head === undefined) {
    result.push(parent.slice());
  } else if (head === '@') {
    if (!Array.isArray(data)) throw new Error('expected array when encountering `@`');
    data.forEach((value, index) => {
      parent.push(index);
      generateHydratedPaths(parent, path.slice(1), value, result);
      parent.pop();
    });
  } else if (Array.isArray(data)) {
    data.forEach((value, index) => {
      parent.push(index);
      generateHydratedPaths(parent, path, value, result);
      parent.pop();
    });
  } else if (Object.hasOwn(data, head)) {
    parent.push(head);
    generateHydratedPaths(parent, path.slice(1), (data as Record<string, unknown>)[head], result);
    parent.pop();
  }
}

/** A subgraph's error as the client sees it (Apollo's downstreamServiceError). */
function downstreamServiceError(
  original: GraphQLFormattedError,
  serviceName: string,
  errorPath: (path: readonly (string | number)[] | undefined) => ResponsePath | undefined,
): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: original as Error,
    path: errorPath(original.path),
    extensions: { ...original.extensions, serviceName },
  };
  const codeDef = errorCodeDef(original);
  if (!codeDef && original.extensions?.['code']) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** The values at `path` ('@' flattens a list), as Apollo's flattenResultsAtPath gives them. */
function flattenResultsAtPath(value: unknown, path: ResponsePath, from = 0): unknown {
  if (from === path.length || value === undefined || value === null) return value;
  const current = path[from];
  if (current === '@') {
    const flattened: unknown[] = [];
    for (const item of value as unknown[]) {
      const inner = flattenResultsAtPath(item, path, from + 1);
      // flatMap's one level of flattening.
      if (Array.isArray(inner)) for (const element of inner) flattened.push(element);
      else flattened.push(inner);
    }
    return flattened;
  }
  if (typeof current !== 'string' || Array.isArray(value))
    throw new Error(
      `Unexpected ${typeof current} or array in result for path element ${String(current)}`,
    );
  const object = value as Record<string, unknown>;
  return flattenResultsAtPath(
    Object.hasOwn(object, current) ? object[current] : undefined,
    path,
    from + 1,
  );
}

/** Apollo's deepMerge: objects merge key by key, equal-length lists element by element. */
function deepMerge(
  target: Record<string, unknown>,
  source: Record<string, unknown> | null | undefined,
) {
  if (source === undefined || source === null) return;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined || key === '__proto__') continue;
    const existing = target[key];
    if (existing && isPlainObject(value)) {
      deepMerge(existing as Record<string, unknown>, value);
    } else if (
      Array.isArray(value) &&
      Array.isArray(existing) &&
      value.length === existing.length
    ) {
      for (let i = 0; i < value.length; i++) {
        const from: unknown = value[i];
        const into: unknown = existing[i];
        if (isPlainObject(into) && isPlainObject(from)) deepMerge(into, from);
        else existing[i] = from;
      }
    } else {
      target[key] = value;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The representation builders of a supergraph's fetches: each `requires` selection compiled once
 * into a function that copies an entity's key (and required) fields, or gives null when the entity
 * lacks one (Apollo's executeSelectionSet).
 */
export class RequiresProjections {
  private readonly compiled = new WeakMap<
    FetchNode,
    (entity: unknown) => Record<string, unknown> | null
  >();

  constructor(private readonly supergraphSchema: GraphQLSchema) {}

  of(fetch: FetchNode): (entity: unknown) => Record<string, unknown> | null {
    let project = this.compiled.get(fetch);
    if (!project) {
      const selections = fetch.requires ?? [];
      project = (entity) => projectSelections(this, entity, selections);
      this.compiled.set(fetch, project);
    }
    return project;
  }

  /** isObjectOfType of Apollo's dataRewrites. */
  isOfType(object: Record<string, unknown>, typeCondition: string): boolean {
    const typename = object['__typename'];
    if (!typename || typeof typename !== 'string') return false;
    if (typename === typeCondition) return true;
    const type = this.supergraphSchema.getType(typename);
    const condition = this.supergraphSchema.getType(typeCondition);
    if (!type || !condition || !isAbstractType(condition)) return false;
    return (
      (isObjectType(type) || isInterfaceType(type)) &&
      this.supergraphSchema.isSubType(condition, type)
    );
  }
}

function projectSelections(
  projections: RequiresProjections,
  source: unknown,
  selections: readonly QueryPlanSelectionNode[],
): Record<string, unknown> | null {
  if (source === null || source === undefined) return null;
  const object = source as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      const value = Object.hasOwn(object, responseName) ? object[responseName] : undefined;
      if (value === undefined) return null;
      const children = selection.selections;
      if (Array.isArray(value)) {
        result[responseName] = children
          ? value.map((item: unknown) => projectSelections(projections, item, children))
          : value;
      } else {
        result[responseName] = children ? projectSelections(projections, value, children) : value;
      }
    } else if (selection.typeCondition && projections.isOfType(object, selection.typeCondition)) {
      deepMerge(result, projectSelections(projections, object, selection.selections));
    }
  }
  return result;
}
