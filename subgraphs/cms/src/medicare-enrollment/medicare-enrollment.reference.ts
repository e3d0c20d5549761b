import { assertMayReadResident } from '@resident-graph/federation';
import type { CmsContext } from '../context.js';
import { toMedicareEnrollment } from './medicare-enrollment.js';
import type { MedicareEnrollment } from './medicare-enrollment.type.js';

/**
 * The representation is `{ residentId }`, plus `resident: { birthDate }` when the query asks for a
 * field that `@requires` it; the birth date stays on the returned object for those fields.
 */
export async function resolveMedicareEnrollmentReference(
  reference: Pick<MedicareEnrollment, 'residentId'> & {
    resident?: { birthDate?: string | null } | null;
  },
  { caller, loaders }: CmsContext,
): Promise<MedicareEnrollment> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const record = await loaders.medicareByResidentId.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toMedicareEnrollment(reference.residentId, record, reference.resident?.birthDate);
}
