import type { Clock } from '@resident-graph/calendar';
import type { Caller } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createChildTaxCreditLoader } from './child-tax-credit/child-tax-credit.loader.js';
import type { IrsDatabase } from './store/database.js';
import { createAddressChangeLoader } from './tax-address-change/tax-address-change.loader.js';
import { createTaxReturnLoader } from './tax-refund/tax-refund.loader.js';

export interface IrsContext {
  caller: Caller;
  clock: Clock;
  loaders: {
    taxReturnByResident: ReturnType<typeof createTaxReturnLoader>;
    addressChangeByResident: ReturnType<typeof createAddressChangeLoader>;
    childTaxCreditByResident: ReturnType<typeof createChildTaxCreditLoader>;
  };
}

export function createIrsContext(deps: SubgraphDeps<IrsDatabase>, caller: Caller): IrsContext {
  return {
    caller,
    clock: deps.clock,
    loaders: {
      taxReturnByResident: createTaxReturnLoader(deps.store.db),
      addressChangeByResident: createAddressChangeLoader(deps.store.db),
      childTaxCreditByResident: createChildTaxCreditLoader(deps.store.db),
    },
  };
}
