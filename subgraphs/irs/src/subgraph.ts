import type { SubgraphDefinition } from '@resident-graph/federation';
import { irsNotifications } from './notification/apply-notification.js';
import { createIrsContext, type IrsContext } from './context.js';
import { buildIrsSchema } from './schema.js';
import type { IrsDatabase } from './store/database.js';
import { irsMigrations } from './store/migrations.js';
import { isIrsSeeded, seedIrs } from './store/seed.js';

export const irsSubgraph: SubgraphDefinition<IrsDatabase, IrsContext> = {
  name: 'irs',
  defaultPort: 4106,
  migrations: irsMigrations,
  buildSchema: buildIrsSchema,
  createContext: createIrsContext,
  seed: seedIrs,
  isSeeded: isIrsSeeded,
  notifications: irsNotifications,
};
