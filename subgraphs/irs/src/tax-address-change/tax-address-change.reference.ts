import { assertMayReadResident } from '@resident-graph/federation';
import type { IrsContext } from '../context.js';
import { toTaxAddressChange, type TaxAddressChange } from './tax-address-change.type.js';

export async function resolveTaxAddressChangeReference(
  reference: Pick<TaxAddressChange, 'residentId'>,
  { caller, loaders }: IrsContext,
): Promise<TaxAddressChange> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const change = await loaders.addressChangeByResident.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toTaxAddressChange(reference.residentId, change);
}
