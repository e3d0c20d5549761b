import type { SubgraphDefinition } from '@resident-graph/federation';
import { createVaContext, type VaContext } from './context.js';
import { buildVaSchema } from './schema.js';
import type { VaDatabase } from './store/database.js';
import { vaMigrations } from './store/migrations.js';
import { isVaSeeded, seedVa } from './store/seed.js';

export const vaSubgraph: SubgraphDefinition<VaDatabase, VaContext> = {
  name: 'va',
  defaultPort: 4108,
  migrations: vaMigrations,
  buildSchema: buildVaSchema,
  createContext: createVaContext,
  seed: seedVa,
  isSeeded: isVaSeeded,
};
