import type { SubgraphDefinition } from '@resident-graph/federation';
import { uspsNotifications } from './notification/apply-notification.js';
import { createUspsContext, type UspsContext } from './context.js';
import { buildUspsSchema } from './schema.js';
import type { UspsDatabase } from './store/database.js';
import { uspsMigrations } from './store/migrations.js';
import { isUspsSeeded, seedUsps } from './store/seed.js';

export const uspsSubgraph: SubgraphDefinition<UspsDatabase, UspsContext> = {
  name: 'usps',
  defaultPort: 4107,
  migrations: uspsMigrations,
  buildSchema: buildUspsSchema,
  createContext: createUspsContext,
  seed: seedUsps,
  isSeeded: isUspsSeeded,
  notifications: uspsNotifications,
};
