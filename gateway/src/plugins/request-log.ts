import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

/**
 * One access-log line per GraphQL request, with the request id: enough to follow a request across
 * gateway and subgraph logs. It records whether the caller was signed in, never who they are.
 */
export function createRequestLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, response }) {
          contextValue.logger.info(
            {
              operationName: operationName ?? null,
              status: response.http.status ?? 200,
              durationMs: Math.round(performance.now() - started),
              signedIn: contextValue.caller.residentId !== null,
              authError: contextValue.caller.authError,
              errorCodes: errors?.map((e) => e.extensions['code'] ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
