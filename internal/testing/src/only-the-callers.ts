import { expect } from 'vitest';
import type { GraphQLResponse } from './subgraph-harness.js';

/**
 * An `_entities` answer to `count` representations of which only the first is the caller's: that
 * one resolves, every other is null with a FORBIDDEN error (the batching tests' shared assertion).
 */
export function expectOnlyTheCallersEntity(
  result: GraphQLResponse<{ _entities: unknown[] }>,
  count = 100,
): void {
  expect(result.data?._entities).toHaveLength(count);
  expect(result.data?._entities[0]).not.toBeNull();
  expect(result.data?._entities.slice(1).every((entity) => entity === null)).toBe(true);
  expect(result.errors).toHaveLength(count - 1);
  expect(new Set(result.errors?.map((error) => error.extensions?.code))).toEqual(
    new Set(['FORBIDDEN']),
  );
}
