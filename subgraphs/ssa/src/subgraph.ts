import type { SubgraphDefinition } from '@resident-graph/federation';
import { ssaNotifications } from './notification/apply-notification.js';
import { createSsaContext, type SsaContext } from './context.js';
import { buildSsaSchema } from './schema.js';
import type { SsaDatabase } from './store/database.js';
import { ssaMigrations } from './store/migrations.js';
import { isSsaSeeded, seedSsa } from './store/seed.js';

export const ssaSubgraph: SubgraphDefinition<SsaDatabase, SsaContext> = {
  name: 'ssa',
  defaultPort: 4103,
  migrations: ssaMigrations,
  buildSchema: buildSsaSchema,
  createContext: createSsaContext,
  seed: seedSsa,
  isSeeded: isSsaSeeded,
  notifications: ssaNotifications,
};
