import type { SubgraphDefinition } from '@resident-graph/federation';
import { createIdentityContext, type IdentityContext } from './context.js';
import { identityNotifications } from './disclosure/declaration-disclosures.js';
import { buildIdentitySchema } from './schema.js';
import type { IdentityDatabase } from './store/database.js';
import { identityMigrations } from './store/migrations.js';
import { isIdentitySeeded, seedIdentity } from './store/seed.js';

export const identitySubgraph: SubgraphDefinition<IdentityDatabase, IdentityContext> = {
  name: 'identity',
  defaultPort: 4101,
  migrations: identityMigrations,
  buildSchema: buildIdentitySchema,
  createContext: createIdentityContext,
  seed: seedIdentity,
  isSeeded: isIdentitySeeded,
  // Tell us once: every agency told is recorded in the resident's disclosure log (ADR 0017).
  notifications: identityNotifications,
};
