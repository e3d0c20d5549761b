import { assertMayReadResident } from '@resident-graph/federation';
import type { StateContext } from '../context.js';
import { toPassportRenewal, type PassportRenewal } from './passport-renewal.type.js';

export async function resolvePassportRenewalReference(
  reference: Pick<PassportRenewal, 'residentId'>,
  { caller, clock, loaders }: StateContext,
): Promise<PassportRenewal> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const record = await loaders.passportRecordByResident.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toPassportRenewal(reference.residentId, record, clock.today());
}
