import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { errorCodes } from './registry.js';

const publicCodes = new Set<string>(Object.keys(errorCodes));

/**
 * Apollo Server `formatError`: codes from the registry pass through with their message; anything
 * else goes to `onUnexpected` (which logs it and returns the request id, if known) and is replaced by
 * a bare INTERNAL_SERVER_ERROR carrying only that id, so no hostname, SQL or stack leaks and support
 * can still find the log line.
 */
/** Whether an error with this `extensions.code` reaches clients as it is (else it is masked). */
export function isPublicErrorCode(code: unknown): boolean {
  return typeof code === 'string' && publicCodes.has(code) && code !== 'INTERNAL_SERVER_ERROR';
}

/** The message every masked error carries. */
export const MASKED_ERROR_MESSAGE = 'Something went wrong on our side. Please try again later.';

export function createErrorMasker(onUnexpected: (error: unknown) => string | undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isPublicErrorCode(formatted.extensions?.code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = onUnexpected(unwrapResolverError(error));
    return {
      message: MASKED_ERROR_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}
