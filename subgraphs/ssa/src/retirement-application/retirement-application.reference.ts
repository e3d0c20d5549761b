import { assertMayReadResident } from '@resident-graph/federation';
import type { SsaContext } from '../context.js';
import { toRetirementApplication } from './retirement-application.js';
import type { RetirementApplication } from './retirement-application.type.js';

/**
 * The representation is `{ residentId }`, plus `resident: { birthDate }` when the query asks for a
 * field that `@requires` it (`status`); the birth date stays on the returned object for that field.
 */
export async function resolveRetirementApplicationReference(
  reference: Pick<RetirementApplication, 'residentId'> & {
    resident?: { birthDate?: string | null } | null;
  },
  { caller, loaders }: SsaContext,
): Promise<RetirementApplication> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const record = await loaders.retirementApplicationByResidentId.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toRetirementApplication(reference.residentId, record, reference.resident?.birthDate);
}
