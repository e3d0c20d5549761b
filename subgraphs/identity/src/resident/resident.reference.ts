import { assertMayReadResident } from '@resident-graph/federation';
import type { IdentityContext } from '../context.js';
import type { Resident } from './resident.type.js';

export async function resolveResidentReference(
  reference: Pick<Resident, 'id'>,
  { caller, loaders }: IdentityContext,
) {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const resident = await loaders.residentById.load(reference.id);
  assertMayReadResident(caller, reference.id);
  return resident;
}
