import { assertMayReadResident } from '@resident-graph/federation';
import type { VaContext } from '../context.js';
import type { VaCase } from './case.type.js';

export async function resolveCaseReference(
  reference: Pick<VaCase, 'residentId'>,
  { caller, loaders }: VaContext,
): Promise<VaCase | null> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const found = await loaders.caseByResident.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return found;
}
