import type { Clock } from '@resident-graph/calendar';
import type { Caller } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createChildPassportApplicationLoader } from './child-passport-application/child-passport-application.loader.js';
import { createPassportRecordLoader } from './passport/passport.loader.js';
import type { StateDatabase } from './store/database.js';

export interface StateContext {
  caller: Caller;
  clock: Clock;
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
    loaders: {
      passportRecordByResident: createPassportRecordLoader(deps.store.db),
      childPassportApplicationByResident: createChildPassportApplicationLoader(deps.store.db),
    },
  };
}
