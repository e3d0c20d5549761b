import type { ResidentRef } from './resident.ref.js';

/**
 * No store access: the Resident itself is identity's. The birth date is kept when the representation
 * carries it (for the fields that `@requires(fields: "birthDate")`); those fields authorize.
 */
export function resolveResidentReference(
  reference: Pick<ResidentRef, 'id' | 'birthDate'>,
): ResidentRef {
  return { id: reference.id, birthDate: reference.birthDate ?? null };
}
