import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { MASKED_ERROR_MESSAGE, isPublicErrorCode } from '@resident-graph/errors';
import type { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * The request's side of error masking (`formatError` masks, see @resident-graph/errors), without
 * an AsyncLocalStorage to find the request from inside `formatError`: in Node 20 any active
 * AsyncLocalStorage turns on promise hooks for every promise of the process, a measurable share
 * of the gateway's CPU (docs/performance.md). Unexpected errors are logged here with the request's
 * logger, and the masked errors of the response get the request id support will ask for.
 * `logged` tells formatError which errors were logged already, so the others (outside any request)
 * are still logged once.
 */
export function createUnexpectedErrorsPlugin(
  logged: WeakSet<object>,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (isPublicErrorCode(error.extensions['code'])) continue;
            const unwrapped = unwrapResolverError(error);
            contextValue.logger.error({ err: unwrapped }, 'unexpected error');
            // formatError is handed the unwrapped error (a subgraph's may be a plain object).
            if (typeof unwrapped === 'object' && unwrapped !== null) logged.add(unwrapped);
            for (const e of errorChain(error)) logged.add(e);
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.message === MASKED_ERROR_MESSAGE && !error.extensions?.['requestId'])
              (error.extensions as Record<string, unknown>)['requestId'] = contextValue.requestId;
          }
        },
      };
    },
  };
}

/** An error and every error it wraps (`originalError`), outermost first. */
export function* errorChain(error: unknown): Generator<object> {
  if (typeof error === 'object' && error !== null && !(error instanceof Error)) yield error;
  for (let e = error; e instanceof Error; e = (e as GraphQLError).originalError) yield e;
}
