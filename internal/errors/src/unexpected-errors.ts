import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { createErrorMasker, isPublicErrorCode, MASKED_ERROR_MESSAGE } from './mask.js';

/** The part of a logger error masking needs (pino's `Logger` is one). */
export interface ErrorLogger {
  error(details: object, message: string): void;
}

/** What masking needs to know of the request an error belongs to. */
export interface RequestOfError {
  /** The request's logger, with its request id (and trace id) bound. */
  logger: ErrorLogger;
  /** The id support will ask for, put on every masked error of the response. */
  requestId: string;
}

export interface UnexpectedErrors<Context extends BaseContext> {
  /** Apollo Server's `formatError`: masks, and logs the errors no request logged. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Logs each request's unexpected errors with its logger and puts its id on the masked ones. */
  plugin: ApolloServerPlugin<Context>;
}

/**
 * Error masking for an Apollo Server (the gateway's and every subgraph's), split between
 * `formatError`, which masks, and a plugin, which knows the request. `formatError` is called with
 * no context, and finding the request from inside it would take an AsyncLocalStorage: in Node 20
 * any active AsyncLocalStorage turns on promise hooks for every promise of the process, a
 * measurable share of a service's CPU (docs/performance.md). So the plugin logs each unexpected
 * error with the request's logger, marks it, and gives the masked errors of the response the
 * request id; `formatError` still logs, with the service logger, an error no request logged (one
 * raised outside any request).
 */
export function createUnexpectedErrors<Context extends BaseContext>(options: {
  /** The service's logger, for errors outside any request. */
  logger: ErrorLogger;
  requestOf: (context: Context) => RequestOfError;
}): UnexpectedErrors<Context> {
  const logged = new WeakSet<object>();
  return {
    formatError: createErrorMasker((error) => {
      if (![...errorChain(error)].some((e) => logged.has(e)))
        options.logger.error({ err: error }, 'unexpected error');
      return undefined;
    }),
    plugin: {
      async requestDidStart({ contextValue }) {
        const request = options.requestOf(contextValue);
        return {
          async didEncounterErrors({ errors }) {
            for (const error of errors) {
              if (isPublicErrorCode(error.extensions['code'])) continue;
              const unwrapped = unwrapResolverError(error);
              request.logger.error({ err: unwrapped }, 'unexpected error');
              // formatError is handed the unwrapped error (a subgraph's may be a plain object).
              if (typeof unwrapped === 'object' && unwrapped !== null) logged.add(unwrapped);
              for (const e of errorChain(error)) logged.add(e);
            }
          },
          async willSendResponse({ response }) {
            if (response.body.kind !== 'single') return;
            for (const error of response.body.singleResult.errors ?? []) {
              if (error.message === MASKED_ERROR_MESSAGE && !error.extensions?.['requestId'])
                (error.extensions as Record<string, unknown>)['requestId'] = request.requestId;
            }
          },
        };
      },
    },
  };
}

/** An error and every error it wraps (`originalError`), outermost first. */
function* errorChain(error: unknown): Generator<object> {
  if (typeof error === 'object' && error !== null && !(error instanceof Error)) yield error;
  for (let e = error; e instanceof Error; e = (e as GraphQLError).originalError) yield e;
}
