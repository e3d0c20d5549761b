import type { Caller } from '@resident-graph/caller';
import type { Clock } from '@resident-graph/calendar';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createAddressChangeLoader } from './address-update/address-update.loader.js';
import { createNewbornCardLoader } from './newborn-card/newborn-card.loader.js';
import { createRetirementApplicationLoader } from './retirement-application/retirement-application.loader.js';
import { createNumberHolderLoader } from './social-security/number-holder.loader.js';
import type { Kysely } from '@resident-graph/store';
import type { SsaDatabase } from './store/database.js';

export interface SsaContext {
  caller: Caller;
  clock: Clock;
  /** For the resident's actions (mutations); reads go through the loaders. */
  store: Kysely<SsaDatabase>;
  loaders: {
    numberHolderByResidentId: ReturnType<typeof createNumberHolderLoader>;
    retirementApplicationByResidentId: ReturnType<typeof createRetirementApplicationLoader>;
    newbornCardByResidentId: ReturnType<typeof createNewbornCardLoader>;
    addressChangeByResidentId: ReturnType<typeof createAddressChangeLoader>;
  };
}

/** Fresh loaders per request: a loader's cache must never outlive its request. */
export function createSsaContext(
  { store, clock }: SubgraphDeps<SsaDatabase>,
  caller: Caller,
): SsaContext {
  return {
    caller,
    clock,
    store: store.db,
    loaders: {
      numberHolderByResidentId: createNumberHolderLoader(store.db),
      retirementApplicationByResidentId: createRetirementApplicationLoader(store.db),
      newbornCardByResidentId: createNewbornCardLoader(store.db),
      addressChangeByResidentId: createAddressChangeLoader(store.db),
    },
  };
}
