import type { ApolloServerPlugin } from '@apollo/server';
import { ResidentGraphError } from '@resident-graph/errors';
import { isListType, isNonNullType, type DocumentNode, type GraphQLOutputType } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

export class OperationTooComplexError extends ResidentGraphError<'OPERATION_TOO_COMPLEX'> {
  constructor(cost: number, max: number) {
    super(
      'OPERATION_TOO_COMPLEX',
      `This operation would cost about ${cost}, more than the limit of ${max}. Ask for fewer fields or smaller lists.`,
      { cost, maxCost: max, http: { status: 400 } },
    );
  }
}

/**
 * Refuses, before planning, an operation whose estimated cost is over `maxCost`: each field costs 1
 * plus what it selects, and a list multiplies what it selects by its `first`/`limit` argument or,
 * without one, by `assumedListSize`. Counted with graphql-query-complexity, which follows fragments,
 * variables and `@include`/`@skip`.
 */
export function costLimitPlugin(maxCost: number, assumedListSize: number): ApolloServerPlugin {
  const listAware: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    // Introspection is answered by the gateway from memory (and bounded by the depth limit): no cost.
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    if (!isList(field.type)) return 1 + childComplexity;
    const size = [args['first'], args['limit']].find((v): v is number => typeof v === 'number');
    return 1 + (size ?? assumedListSize) * childComplexity;
  };
  // The cost is a function of the document (Apollo Server keeps one object per query text and
  // schema), the operation and the variables: remembered, it is not walked again per request.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          const variables = request.variables ?? {};
          const key = `${operationName ?? ''}\n${JSON.stringify(variables)}`;
          let known = costs.get(document);
          let cost = known?.get(key);
          if (cost === undefined) {
            cost = getComplexity({
              schema,
              query: document,
              variables,
              ...(operationName ? { operationName } : {}),
              estimators: [listAware],
            });
            if (!known) costs.set(document, (known = new Map<string, number>()));
            // Variables differ per request for most operations: keep a few, not all.
            if (known.size >= COSTS_PER_DOCUMENT) known.clear();
            if (key.length <= MAX_KEY_LENGTH) known.set(key, cost);
          }
          if (cost > maxCost) throw new OperationTooComplexError(cost, maxCost);
        },
      };
    },
  };
}

const COSTS_PER_DOCUMENT = 100;
const MAX_KEY_LENGTH = 2_000;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
