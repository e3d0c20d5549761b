import type { Caller } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import type { IdentityDatabase } from './store/database.js';
import { createResidentLoader } from './resident/resident.loader.js';

export interface IdentityContext {
  caller: Caller;
  loaders: { residentById: ReturnType<typeof createResidentLoader> };
}

export function createIdentityContext(
  deps: SubgraphDeps<IdentityDatabase>,
  caller: Caller,
): IdentityContext {
  return { caller, loaders: { residentById: createResidentLoader(deps.store.db) } };
}
