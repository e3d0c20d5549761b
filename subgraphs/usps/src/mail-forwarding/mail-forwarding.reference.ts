import { assertMayReadResident } from '@resident-graph/federation';
import type { UspsContext } from '../context.js';
import { toMailForwarding, type MailForwarding } from './mail-forwarding.type.js';

export async function resolveMailForwardingReference(
  reference: Pick<MailForwarding, 'residentId'>,
  { caller, clock, loaders }: UspsContext,
): Promise<MailForwarding> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const change = await loaders.changeOfAddressByResident.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toMailForwarding(reference.residentId, change, clock.today());
}
