import { expect } from 'vitest';
import type { TestSubgraph } from './subgraph-harness.js';

/**
 * A task's `<Type>StatusCode` enum, as the running subgraph publishes it, holds exactly the codes its
 * domain can produce (`produced`), each with a description.
 */
export async function expectStatusCodeEnum(
  subgraph: Pick<TestSubgraph<unknown>, 'query'>,
  enumName: string,
  produced: readonly string[],
): Promise<void> {
  const result = await subgraph.query<{
    __type: { enumValues: { name: string; description: string | null }[] } | null;
  }>(`{ __type(name: "${enumName}") { enumValues { name description } } }`, { as: 'rsd_ava' });
  const values = result.data?.__type?.enumValues ?? [];
  expect(new Set(values.map((value) => value.name))).toEqual(new Set(produced));
  expect(values.filter((value) => !value.description)).toEqual([]);
}
