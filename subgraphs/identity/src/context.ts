import type { Clock } from '@resident-graph/calendar';
import type { Caller, SigningKey } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import type { Kysely } from '@resident-graph/store';
import type { IdentityDatabase } from './store/database.js';
import { createResidentLoader } from './resident/resident.loader.js';

export interface IdentityContext {
  caller: Caller;
  /** Consent and disclosure operations go to the store directly: one resident, a few rows each. */
  db: Kysely<IdentityDatabase>;
  clock: Clock;
  /** Signs the disclosure log; see disclosure/chain.ts. */
  recordsKey: SigningKey | undefined;
  loaders: { residentById: ReturnType<typeof createResidentLoader> };
}

export function createIdentityContext(
  deps: SubgraphDeps<IdentityDatabase>,
  caller: Caller,
): IdentityContext {
  return {
    caller,
    db: deps.store.db,
    clock: deps.clock,
    recordsKey: deps.recordsKey,
    loaders: { residentById: createResidentLoader(deps.store.db) },
  };
}
