import type { Caller } from '@resident-graph/caller';
import type { Clock } from '@resident-graph/calendar';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createLifeEventDeclarationsLoader } from './journey/journey.loader.js';
import {
  createLifeEventLoader,
  createLifeEventStepsLoader,
} from './life-event/life-event.loader.js';
import type { LifeEventsDatabase } from './store/database.js';

export interface LifeEventsContext {
  caller: Caller;
  clock: Clock;
  loaders: {
    lifeEventByKind: ReturnType<typeof createLifeEventLoader>;
    stepsByLifeEvent: ReturnType<typeof createLifeEventStepsLoader>;
    declarationsByResident: ReturnType<typeof createLifeEventDeclarationsLoader>;
  };
}

export function createLifeEventsContext(
  deps: SubgraphDeps<LifeEventsDatabase>,
  caller: Caller,
): LifeEventsContext {
  const { db } = deps.store;
  return {
    caller,
    clock: deps.clock,
    loaders: {
      lifeEventByKind: createLifeEventLoader(db),
      stepsByLifeEvent: createLifeEventStepsLoader(db),
      declarationsByResident: createLifeEventDeclarationsLoader(db),
    },
  };
}
