import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Extension a failed entity fetch's error carries from the data source to this plugin, never to a
 * client: the fetch's place in the response (`@` for each list item) and the entity types it asked for.
 */
export const FAILED_FETCH_EXTENSION = 'residentGraphFailedFetch';

export interface FailedFetch {
  path: (string | number)[];
  types: string[];
}

/**
 * Puts a failed entity fetch's error at the paths it left empty. Apollo Gateway maps
 * `["_entities", i]` to the i-th object at the fetch's path of ANY type, while representations are
 * only the objects of the fetched types, so with mixed lists (a journey's tasks from several
 * agencies) it names the wrong item. Here, with the final data: every item at the fetch's path that
 * is of a fetched type or was left null by the failure gets the error.
 */
export function createFailedFetchPathsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.some((e) => e.extensions?.[FAILED_FETCH_EXTENSION])) return;
          result.errors = result.errors.flatMap((error): GraphQLFormattedError[] => {
            const failed = error.extensions?.[FAILED_FETCH_EXTENSION] as FailedFetch | undefined;
            if (!failed) return [error];
            const { [FAILED_FETCH_EXTENSION]: _internal, ...extensions } = error.extensions ?? {};
            const paths = affectedPaths(result.data, failed);
            if (paths.length === 0) return [{ message: error.message, extensions }];
            return paths.map((path) => ({ message: error.message, path, extensions }));
          });
        },
      };
    },
  };
}

function affectedPaths(data: unknown, failed: FailedFetch): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, rest: (string | number)[], at: (string | number)[]) => {
    if (rest.length === 0) {
      const typename =
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)['__typename']
          : undefined;
      if (value === null || (typeof typename === 'string' && failed.types.includes(typename)))
        paths.push(at);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const [head, ...tail] = rest;
    if (head === '@' || Array.isArray(value)) {
      if (!Array.isArray(value)) return;
      const next = head === '@' ? tail : rest;
      value.forEach((item, i) => walk(item, next, [...at, i]));
      return;
    }
    const record = value as Record<string, unknown>;
    if (head !== undefined && Object.hasOwn(record, head)) walk(record[head], tail, [...at, head]);
  };
  walk(data, failed.path, []);
  return paths;
}
