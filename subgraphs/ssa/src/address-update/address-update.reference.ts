import { assertMayReadResident } from '@resident-graph/federation';
import type { SsaContext } from '../context.js';
import { toAddressUpdate } from './address-update.js';
import type { SocialSecurityAddressUpdate } from './address-update.type.js';

export async function resolveAddressUpdateReference(
  reference: Pick<SocialSecurityAddressUpdate, 'residentId'>,
  { caller, loaders }: SsaContext,
): Promise<SocialSecurityAddressUpdate> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const change = await loaders.addressChangeByResidentId.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toAddressUpdate(reference.residentId, change);
}
