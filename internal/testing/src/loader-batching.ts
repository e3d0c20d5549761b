import { fixedClock } from '@resident-graph/calendar';
import type { SubgraphDefinition } from '@resident-graph/federation';
import { createLogger } from '@resident-graph/logging';
import { generateResidents } from '@resident-graph/personas/generate';
import { MAX_KEYS_PER_QUERY, openAgencyDatabase, type Kysely } from '@resident-graph/store';
import type DataLoader from 'dataloader';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { testCaller } from './caller-tokens.js';
import { TEST_TODAY } from './subgraph-harness.js';

type WithLoaders = { loaders: Record<string, DataLoader<string, unknown>> };

/**
 * Proves batching on a subgraph's loaders themselves, for every loader its context creates (so a new
 * loader is covered without anyone having to remember). Through the server a request by one resident
 * only ever loads that resident, so counting queries there cannot tell a batching loader from one that
 * queries per key. Call at the top level of a test file: `await describeLoaderBatching(definition)`.
 */
export async function describeLoaderBatching<DB, Context extends WithLoaders>(
  definition: SubgraphDefinition<DB, Context>,
  /** Keys for loaders not keyed by resident id (e.g. a catalog by kind); default: 100 residents. */
  keysByLoader: Record<string, readonly string[]> = {},
  /**
   * Writes records the seed does not (e.g. what residents did through the graph) after seeding;
   * returns keys for the loaders that read them (default nothing).
   */
  prepare?: (
    db: Kysely<DB>,
    residentIds: readonly string[],
  ) => Promise<Record<string, readonly string[]>>,
): Promise<void> {
  const residents = [...generateResidents(100, TEST_TODAY)];
  const ids = residents.map((r) => r.id);
  const store = await openAgencyDatabase<DB>(':memory:', definition.migrations);
  await definition.seed(store.db, residents);
  if (prepare) keysByLoader = { ...keysByLoader, ...(await prepare(store.db, ids)) };
  afterAll(() => store.close());

  /** The loaders of a fresh context, as a request gets them: nothing cached. */
  const freshLoaders = () =>
    definition.createContext(
      { store, clock: fixedClock(TEST_TODAY), logger: createLogger(definition.name, 'silent') },
      testCaller(ids[0]!),
    ).loaders;
  const freshLoader = (name: string) => freshLoaders()[name]!;

  describe(`${definition.name} loaders`, () => {
    it.each(Object.keys(freshLoaders()))(
      '%s loads all its keys with one query, in key order',
      async (name) => {
        const keys = keysByLoader[name] ?? ids;
        store.resetQueryCount();
        const batched = await freshLoader(name).loadMany(keys);
        expect(store.queryCount()).toBe(1);
        // Each answer is the one its key gets alone, so none sits at another key's place …
        for (const [i, id] of keys.entries()) {
          expect(batched[i]).toEqual(await freshLoader(name).load(id));
        }
        // … and some resident has a record, so this is not nothing compared with nothing.
        const nothing = await freshLoader(name).load('rsd_nobody');
        expect(batched.some((answer) => !isDeepStrictEqual(answer, nothing))).toBe(true);
      },
    );

    it.each(Object.keys(freshLoaders()))(
      '%s splits more than MAX_KEYS_PER_QUERY keys over two queries',
      async (name) => {
        const keys = Array.from({ length: MAX_KEYS_PER_QUERY + 1 }, (_, i) => `rsd_nobody_${i}`);
        store.resetQueryCount();
        const answers = await freshLoader(name).loadMany(keys);
        expect(answers.some((answer) => answer instanceof Error)).toBe(false);
        expect(store.queryCount()).toBe(2);
      },
    );
  });
}
