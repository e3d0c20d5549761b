import { assertMayReadResident } from '@resident-graph/federation';
import type { SsaContext } from '../context.js';
import { toNewbornCard } from './newborn-card.js';
import type { NewbornSocialSecurityCard } from './newborn-card.type.js';

export async function resolveNewbornCardReference(
  reference: Pick<NewbornSocialSecurityCard, 'residentId'>,
  { caller, loaders }: SsaContext,
): Promise<NewbornSocialSecurityCard> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const card = await loaders.newbornCardByResidentId.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toNewbornCard(reference.residentId, card);
}
