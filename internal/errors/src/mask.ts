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
export function createErrorMasker(onUnexpected: (error: unknown) => string | undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && publicCodes.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = onUnexpected(unwrapResolverError(error));
    return {
      message: 'Something went wrong on our side. Please try again later.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}
