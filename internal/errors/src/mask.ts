import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { errorCodes } from './registry.js';

const publicCodes = new Set<string>(Object.keys(errorCodes));

/**
 * Apollo Server `formatError`: codes from the registry pass through with their message; anything
 * else is logged and replaced by a bare INTERNAL_SERVER_ERROR so no hostname, SQL or stack leaks.
 */
export function createErrorMasker(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && publicCodes.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log(unwrapResolverError(error));
    return {
      message: 'Something went wrong on our side. Please try again later.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
