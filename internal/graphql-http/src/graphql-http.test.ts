import { describe, expect, it } from 'vitest';
import { isGraphQLPath } from './index.js';

describe('isGraphQLPath', () => {
  it('is /graphql with or without a trailing slash or a query string', () => {
    for (const url of ['/graphql', '/graphql/', '/graphql?query=x', '/graphql/?a=1'])
      expect(isGraphQLPath(url), url).toBe(true);
  });

  it('is nothing else, however close', () => {
    for (const url of [undefined, '', '/', '/graphqlx', '/graphql/x', '/ide/graphql', '/GRAPHQL'])
      expect(isGraphQLPath(url), String(url)).toBe(false);
  });
});
