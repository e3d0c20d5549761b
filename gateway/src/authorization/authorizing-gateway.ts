import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import type { AccessRules } from '@resident-graph/authorization';
import { createHash } from 'node:crypto';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import { fillRefused } from './fill-refused.js';
import { filterOperation } from './filter-operation.js';
import { operationOf, reachableCoordinates, refusalsFor } from './refusals.js';

export interface AuthorizingGatewayOptions {
  /** The gateway that plans and executes (an `ApolloGateway`). */
  inner: GatewayInterface;
  /**
   * The access rules of the supergraph a schema was loaded from; undefined for a schema this
   * gateway did not load (then every request fails closed).
   */
  rulesFor: (coreSupergraphSdl: string) => AccessRules | undefined;
  /** Filtered documents kept, by operation and refused fields. Default 1000. */
  filteredDocumentCacheSize?: number;
}

/**
 * Enforces the supergraph's access rules before anything is fetched, the way Apollo Router's
 * authorization does: per request, the fields the caller may not read are taken out of the
 * operation, the rest is planned and executed by `@apollo/gateway`, and each refused field comes back
 * as null with UNAUTHENTICATED or FORBIDDEN at its path. Plans are cached by the operation and the
 * set of refused fields (never by caller), and an operation the caller may read in full goes through
 * untouched.
 */
export function createAuthorizingGateway(options: AuthorizingGatewayOptions): GatewayInterface {
  const { inner, rulesFor } = options;
  const rulesBySchema = new WeakMap<GraphQLSchema, AccessRules>();
  const filtered = new BoundedMap<string, DocumentNode>(options.filteredDocumentCacheSize ?? 1000);

  inner.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    const rules = rulesFor(coreSupergraphSdl);
    if (rules) rulesBySchema.set(apiSchema, rules);
  });

  const authorize =
    (execute: GatewayExecutor): GatewayExecutor =>
    async (requestContext) => {
      const rules = rulesBySchema.get(requestContext.schema);
      if (!rules) throw new Error('no access rules for the schema this request runs on');
      // Apollo Server leaves resolving the operation to the gateway, which throws a bare error (a 500).
      if (!(requestContext.operation as typeof requestContext.operation | undefined)) {
        return { errors: [operationResolutionFailure(requestContext.request.operationName)] };
      }
      const { caller } = requestContext.context as GatewayContext;
      const op = operationOf(
        requestContext.schema,
        requestContext.document,
        requestContext.operation,
        requestContext.request.variables,
      );
      const refused = refusalsFor(caller, rules, reachableCoordinates(requestContext.document, op));
      if (refused.size === 0) return execute(requestContext);

      const refusedKey = [...refused.keys()].join(' ');
      // The filtered document holds only the operation asked for: a document with several
      // operations gets one filtered document per operation.
      const queryHash = createHash('sha256')
        .update(requestContext.queryHash)
        .update('\n')
        .update(requestContext.operationName ?? '')
        .update('\n')
        .update(refusedKey)
        .digest('hex');
      let document = filtered.get(queryHash);
      if (!document) {
        document = filterOperation(
          requestContext.schema,
          requestContext.document,
          requestContext.operationName,
          new Set(refused.keys()),
        );
        filtered.set(queryHash, document);
      }
      const narrowed: GatewayGraphQLRequestContext = { ...requestContext, document, queryHash };
      const result = await execute(narrowed);
      if (!result.data) return result;
      const filled = fillRefused(op, result.data, refused);
      return {
        ...result,
        data: filled.data,
        errors: [...(result.errors ?? []), ...filled.errors],
      };
    };

  return {
    onSchemaLoadOrUpdate: (callback) => inner.onSchemaLoadOrUpdate(callback),
    async load(loadOptions) {
      const { executor } = await inner.load(loadOptions);
      return { executor: executor && authorize(executor) };
    },
    stop: () => inner.stop(),
  };
}

function operationResolutionFailure(operationName: string | undefined): GraphQLError {
  return new GraphQLError(
    operationName
      ? `The document has no operation named "${operationName}".`
      : 'The document has several operations: say which one to run with operationName.',
    { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
  );
}

/** A Map that forgets its oldest entry beyond `limit`. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }
  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
