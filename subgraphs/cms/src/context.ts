import type { Caller } from '@resident-graph/caller';
import type { Clock } from '@resident-graph/calendar';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createMedicareLoader } from './medicare/medicare.loader.js';
import type { Kysely } from '@resident-graph/store';
import type { CmsDatabase } from './store/database.js';

export interface CmsContext {
  caller: Caller;
  clock: Clock;
  /** For the resident's actions (mutations); reads go through the loaders. */
  store: Kysely<CmsDatabase>;
  loaders: { medicareByResidentId: ReturnType<typeof createMedicareLoader> };
}

/** Fresh loaders per request: a loader's cache must never outlive its request. */
export function createCmsContext(
  { store, clock }: SubgraphDeps<CmsDatabase>,
  caller: Caller,
): CmsContext {
  return {
    caller,
    clock,
    store: store.db,
    loaders: { medicareByResidentId: createMedicareLoader(store.db) },
  };
}
