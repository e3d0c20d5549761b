import type { SubgraphDefinition } from '@resident-graph/federation';
import { stateNotifications } from './notification/apply-notification.js';
import { createStateContext, type StateContext } from './context.js';
import { buildStateSchema } from './schema.js';
import type { StateDatabase } from './store/database.js';
import { stateMigrations } from './store/migrations.js';
import { isStateSeeded, seedState } from './store/seed.js';

export const stateSubgraph: SubgraphDefinition<StateDatabase, StateContext> = {
  name: 'state',
  defaultPort: 4105,
  migrations: stateMigrations,
  buildSchema: buildStateSchema,
  createContext: createStateContext,
  seed: seedState,
  isSeeded: isStateSeeded,
  notifications: stateNotifications,
};
