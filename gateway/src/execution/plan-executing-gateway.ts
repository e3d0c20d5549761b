import {
  ApolloGateway,
  type GatewayConfig,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import type { QueryPlan, QueryPlanner } from '@apollo/query-planner';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
} from '@apollo/server-gateway-interface';
import {
  getVariableValues,
  GraphQLError,
  Kind,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { inSpan } from '@resident-graph/observability';
import { createHash } from 'node:crypto';
import {
  executePlan,
  isExecutablePlan,
  RequiresProjections,
  type SendFetch,
} from './execute-plan.js';
import { compileResultShaper, type ResultShaper } from './shape-result.js';

/**
 * `@apollo/gateway` with its plan executor replaced: the same query planner, the same plan cache
 * and the same data sources, but the plan is run by ./execute-plan.ts and the answer shaped by a
 * per-operation compiled shaper (./shape-result.ts), which the public workload's profile showed
 * costs a fraction of Apollo's executor (docs/performance.md). Requests this executor does not
 * handle (plans with `@defer` or data rewrites, introspection, a request for the query plan) go to
 * Apollo's own executor unchanged.
 */
export class PlanExecutingGateway extends ApolloGateway {
  /** Per schema: what was prepared for each operation (plan, shaper), by query hash and name. */
  private readonly prepared = new WeakMap<GraphQLSchema, Map<string, Prepared>>();
  private readonly projections = new WeakMap<GraphQLSchema, RequiresProjections>();
  private readonly exposeQueryPlans: boolean;
  /** Requests run by this executor, and those handed to Apollo's. */
  readonly executions = { planExecutor: 0, apolloExecutor: 0 };

  constructor(config: GatewayConfig) {
    super(config);
    this.exposeQueryPlans = config.__exposeQueryPlanExperimental ?? false;
    const internals = this as unknown as ApolloInternals;
    const apolloExecutor = internals.executor;
    internals.executor = (requestContext) =>
      this.execute(requestContext, (fallback) => {
        this.executions.apolloExecutor++;
        return apolloExecutor(fallback);
      });
  }

  private async execute(
    requestContext: GatewayGraphQLRequestContext,
    apolloExecutor: GatewayExecutor,
  ): Promise<GatewayExecutionResult> {
    const { request } = requestContext;
    if (this.exposeQueryPlans && request.http?.headers.get('Apollo-Query-Plan-Experimental'))
      return apolloExecutor(requestContext);
    const prepared = await this.prepare(requestContext);
    if (!prepared) return apolloExecutor(requestContext);

    this.executions.planExecutor++;
    // Apollo's span names, so traces read the same whichever executor ran the request.
    return inSpan('gateway.request', {}, () => this.run(requestContext, prepared));
  }

  /** Runs a prepared operation's plan and shapes its answer. */
  private async run(
    requestContext: GatewayGraphQLRequestContext,
    prepared: Ready,
  ): Promise<GatewayExecutionResult> {
    const { request } = requestContext;
    const variables = request.variables ?? {};
    let coerced: Record<string, unknown> = variables;
    if (prepared.operation.variableDefinitions?.length) {
      const result = getVariableValues(
        requestContext.schema,
        prepared.operation.variableDefinitions,
        variables,
      );
      if (result.errors) return { errors: result.errors };
      coerced = result.coerced;
    }
    const services = (this as unknown as ApolloInternals).serviceMap;
    const send: SendFetch = async (fetch, fetchVariables, path) => {
      const service = services[fetch.serviceName]?.dataSource;
      if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
      return inSpan('gateway.fetch', { service: fetch.serviceName }, () =>
        service.process({
          // GraphQLDataSourceRequestKind.INCOMING_OPERATION (the enum is not exported by the package).
          kind: 'incoming operation' as Extract<
            GraphQLDataSourceProcessOptions,
            { incomingRequestContext: unknown }
          >['kind'],
          request: {
            query: fetch.operation,
            variables: fetchVariables,
            operationName: fetch.operationName,
          },
          incomingRequestContext: requestContext,
          context: requestContext.context,
          ...(fetch.operationDocumentNode ? { document: fetch.operationDocumentNode } : {}),
          pathInIncomingRequest: path,
        }),
      );
    };
    const { data, errors } = await executePlan(prepared.plan, {
      send,
      variables,
      coercedVariables: coerced,
      projections: prepared.projections,
    });
    let shaped: ReturnType<ResultShaper['shape']>;
    try {
      shaped = prepared.shaper.shape(data, coerced);
    } catch (error) {
      // A value of the wrong kind from a subgraph (a list where an object belongs): Apollo's
      // executor answers this the same way, as an error without data (masked for the client).
      if (!(error instanceof Error)) throw error;
      return { errors: [new GraphQLError(error.message, { originalError: error })] };
    }
    if (errors.length === 0 && shaped.errors.length > 0)
      return { data: shaped.data, extensions: { valueCompletion: shaped.errors } };
    // Apollo's key order (errors first), so answers are byte-for-byte the same.
    return errors.length === 0
      ? { data: shaped.data }
      : { errors: errors as GatewayExecutionResult['errors'] & object, data: shaped.data };
  }

  /** The plan and shaper of this request's operation, or null when Apollo's executor must run it. */
  private async prepare(requestContext: GatewayGraphQLRequestContext): Promise<Ready | null> {
    const { request, queryHash, schema, document } = requestContext;
    const key = `${queryHash}\n${request.operationName ?? ''}`;
    let bySchema = this.prepared.get(schema);
    if (!bySchema) {
      bySchema = new Map();
      this.prepared.set(schema, bySchema);
    }
    const known = bySchema.get(key);
    if (known !== undefined) return known.ready;

    // From the document, not requestContext.operation: the authorizing gateway hands on a
    // narrowed document with the refused fields taken out.
    const operation = operationIn(document.definitions, request.operationName);
    if (!operation) return null;
    const internals = this as unknown as ApolloInternals;
    // Apollo's plan-cache key, so both executors share one cache of plans.
    const planKey = request.operationName
      ? createHash('sha256').update(queryHash).update(request.operationName).digest('hex')
      : queryHash;
    let plan = await internals.queryPlanStore.get(planKey);
    if (!plan) {
      // Planning errors (an invalid operation) are Apollo's to report.
      if (!internals.apiSchema || !internals.queryPlanner) return null;
      const { apiSchema, queryPlanner } = internals;
      plan = await inSpan('gateway.plan', {}, async () =>
        queryPlanner.buildQueryPlan(
          operationFromDocument(apiSchema, document, {
            ...(request.operationName ? { operationName: request.operationName } : {}),
          }),
        ),
      );
      await internals.queryPlanStore.set(planKey, plan);
    }
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    const shaper = isExecutablePlan(plan)
      ? compileResultShaper(schema, operation, fragments)
      : null;
    let projections = this.projections.get(schema);
    if (!projections && internals.supergraphSchema) {
      projections = new RequiresProjections(internals.supergraphSchema);
      this.projections.set(schema, projections);
    }
    const entry: Prepared = {
      ready: shaper && projections ? { plan, operation, shaper, projections } : null,
    };
    if (bySchema.size >= PREPARED_LIMIT) {
      const oldest = bySchema.keys().next();
      if (!oldest.done) bySchema.delete(oldest.value);
    }
    bySchema.set(key, entry);
    return entry.ready;
  }
}

/** The operation a request runs (Apollo's buildOperationContext); null when there is none. */
function operationIn(
  definitions: readonly DefinitionNode[],
  operationName: string | undefined,
): OperationDefinitionNode | null {
  const operations = definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operationName) return operations.length === 1 ? operations[0]! : null;
  return operations.find((o) => o.name?.value === operationName) ?? null;
}

/** Operations prepared per schema before the oldest is forgotten. */
const PREPARED_LIMIT = 1000;

/** What is kept per operation: null `ready` sends it to Apollo's executor. */
interface Prepared {
  ready: Ready | null;
}

interface Ready {
  plan: QueryPlan;
  operation: OperationDefinitionNode;
  shaper: ResultShaper;
  projections: RequiresProjections;
}

/**
 * The parts of ApolloGateway 2.14.4 (pinned exactly) this executor shares: its executor (the
 * fallback), planner, plan cache, schemas and data sources. Tested against Apollo's executor in
 * plan-executing-gateway.test.ts, so an upgrade that moves them fails there.
 */
interface ApolloInternals {
  executor: GatewayExecutor;
  queryPlanner?: QueryPlanner;
  queryPlanStore: {
    get(key: string): Promise<QueryPlan | undefined>;
    set(key: string, plan: QueryPlan): Promise<void>;
  };
  apiSchema?: Schema;
  supergraphSchema?: GraphQLSchema;
  serviceMap: Record<string, { dataSource: GraphQLDataSource }>;
}
