import type { SubgraphDefinition } from '@resident-graph/federation';
import { createCmsContext, type CmsContext } from './context.js';
import { buildCmsSchema } from './schema.js';
import type { CmsDatabase } from './store/database.js';
import { cmsMigrations } from './store/migrations.js';
import { isCmsSeeded, seedCms } from './store/seed.js';

export const cmsSubgraph: SubgraphDefinition<CmsDatabase, CmsContext> = {
  name: 'cms',
  defaultPort: 4104,
  migrations: cmsMigrations,
  buildSchema: buildCmsSchema,
  createContext: createCmsContext,
  seed: seedCms,
  isSeeded: isCmsSeeded,
};
