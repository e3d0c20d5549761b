import type { Clock } from '@resident-graph/calendar';
import type { Caller } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createChangeOfAddressLoader } from './mail-forwarding/mail-forwarding.loader.js';
import type { UspsDatabase } from './store/database.js';

export interface UspsContext {
  caller: Caller;
  clock: Clock;
  loaders: { changeOfAddressByResident: ReturnType<typeof createChangeOfAddressLoader> };
}

export function createUspsContext(deps: SubgraphDeps<UspsDatabase>, caller: Caller): UspsContext {
  return {
    caller,
    clock: deps.clock,
    loaders: { changeOfAddressByResident: createChangeOfAddressLoader(deps.store.db) },
  };
}
