import { assertMayReadResident } from '@resident-graph/federation';
import type { IrsContext } from '../context.js';
import { toTaxRefund, type TaxRefund } from './tax-refund.type.js';

export async function resolveTaxRefundReference(
  reference: Pick<TaxRefund, 'residentId'>,
  { caller, clock, loaders }: IrsContext,
): Promise<TaxRefund> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  // Nothing loaded for another resident leaves this function (26 U.S.C. 6103).
  const taxReturn = await loaders.taxReturnByResident.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toTaxRefund(reference.residentId, taxReturn, clock.today());
}
