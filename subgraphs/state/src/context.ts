import type { Clock } from '@resident-graph/calendar';
import type { Caller } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createChildPassportApplicationLoader } from './child-passport-application/child-passport-application.loader.js';
import { createPassportRecordLoader } from './passport/passport.loader.js';
import type { Kysely } from '@resident-graph/store';
import type { StateDatabase } from './store/database.js';

export interface StateContext {
  caller: Caller;
  clock: Clock;
  /** For the resident's actions (mutations); reads go through the loaders. */
  store: Kysely<StateDatabase>;
  loaders: {
    passportRecordByResident: ReturnType<typeof createPassportRecordLoader>;
    childPassportApplicationByResident: ReturnType<typeof createChildPassportApplicationLoader>;
  };
}

export function createStateContext(
  deps: SubgraphDeps<StateDatabase>,
  caller: Caller,
): StateContext {
  return {
    caller,
    clock: deps.clock,
    store: deps.store.db,
    loaders: {
      passportRecordByResident: createPassportRecordLoader(deps.store.db),
      childPassportApplicationByResident: createChildPassportApplicationLoader(deps.store.db),
    },
  };
}
