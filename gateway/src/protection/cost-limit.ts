import type { ApolloServerPlugin } from '@apollo/server';
import { ResidentGraphError } from '@resident-graph/errors';
import { isListType, isNonNullType, type GraphQLOutputType } from 'graphql';
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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            ...(operationName ? { operationName } : {}),
            estimators: [listAware],
          });
          if (cost > maxCost) throw new OperationTooComplexError(cost, maxCost);
        },
      };
    },
  };
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
