import type { SubgraphDefinition } from '@resident-graph/federation';
import { createDeclarationOutbox } from './declaration/declaration.store.js';
import { createLifeEventsContext, type LifeEventsContext } from './context.js';
import { buildLifeEventsSchema } from './schema.js';
import type { LifeEventsDatabase } from './store/database.js';
import { lifeEventsMigrations } from './store/migrations.js';
import { isLifeEventsSeeded, seedLifeEvents } from './store/seed.js';

export const lifeEventsSubgraph: SubgraphDefinition<LifeEventsDatabase, LifeEventsContext> = {
  name: 'life-events',
  defaultPort: 4102,
  migrations: lifeEventsMigrations,
  buildSchema: buildLifeEventsSchema,
  createContext: createLifeEventsContext,
  seed: seedLifeEvents,
  isSeeded: isLifeEventsSeeded,
  outbox: ({ store }) => createDeclarationOutbox(store.db),
};
