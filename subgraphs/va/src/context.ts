import type { Clock } from '@resident-graph/calendar';
import type { Caller } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createVaRecordLoader } from './record/record.loader.js';
import type { VaDatabase } from './store/database.js';

export interface VaContext {
  caller: Caller;
  clock: Clock;
  /** Created per request: a loader's cache must not outlive its request. */
  loaders: { recordByResident: ReturnType<typeof createVaRecordLoader> };
}

export function createVaContext(deps: SubgraphDeps<VaDatabase>, caller: Caller): VaContext {
  return {
    caller,
    clock: deps.clock,
    loaders: { recordByResident: createVaRecordLoader(deps.store.db) },
  };
}
