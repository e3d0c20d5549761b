import type { Clock } from '@resident-graph/calendar';
import type { Caller } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createCaseLoader } from './case/case.loader.js';
import type { VaDatabase } from './store/database.js';

export interface VaContext {
  caller: Caller;
  clock: Clock;
  /** Created per request: a loader's cache must not outlive its request. */
  loaders: { caseByResident: ReturnType<typeof createCaseLoader> };
}

export function createVaContext(deps: SubgraphDeps<VaDatabase>, caller: Caller): VaContext {
  return {
    caller,
    clock: deps.clock,
    loaders: { caseByResident: createCaseLoader(deps.store.db) },
  };
}
