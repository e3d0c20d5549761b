import type { Caller } from '@resident-graph/caller';
import type { Clock } from '@resident-graph/calendar';
import type { SubgraphDeps } from '@resident-graph/federation';
import {
  createDeclarationNotificationsLoader,
  createResidentDeclarationsLoader,
} from './declaration/declaration.loader.js';
import { createLifeEventDeclarationsLoader } from './journey/journey.loader.js';
import { createNotificationFeedLoader } from './resident-notification/resident-notification.loader.js';
import {
  createLifeEventLoader,
  createLifeEventStepsLoader,
} from './life-event/life-event.loader.js';
import type { Kysely } from '@resident-graph/store';
import type { LifeEventsDatabase } from './store/database.js';

export interface LifeEventsContext {
  caller: Caller;
  clock: Clock;
  /** For the resident's actions (mutations); reads go through the loaders. */
  store: Kysely<LifeEventsDatabase>;
  loaders: {
    lifeEventByKind: ReturnType<typeof createLifeEventLoader>;
    stepsByLifeEvent: ReturnType<typeof createLifeEventStepsLoader>;
    declarationsByResident: ReturnType<typeof createLifeEventDeclarationsLoader>;
    residentDeclarations: ReturnType<typeof createResidentDeclarationsLoader>;
    notificationsByDeclaration: ReturnType<typeof createDeclarationNotificationsLoader>;
    notificationFeed: ReturnType<typeof createNotificationFeedLoader>;
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
    store: db,
    loaders: {
      lifeEventByKind: createLifeEventLoader(db),
      stepsByLifeEvent: createLifeEventStepsLoader(db),
      declarationsByResident: createLifeEventDeclarationsLoader(db),
      residentDeclarations: createResidentDeclarationsLoader(db),
      notificationsByDeclaration: createDeclarationNotificationsLoader(db),
      notificationFeed: createNotificationFeedLoader(db),
    },
  };
}
