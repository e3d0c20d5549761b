import { residentRef, type ResidentRef } from './resident.ref.js';

/**
 * No store access: the Resident itself is identity's. The birth date is kept when the
 * representation carries it (for the fields that `@requires(fields: "birthDate")`); the fields
 * added here (journey, activeLifeEvents) load and authorize for themselves.
 */
export function resolveResidentReference(
  reference: Pick<ResidentRef, 'id'> & Partial<Pick<ResidentRef, 'birthDate'>>,
): ResidentRef {
  const resident = residentRef(reference.id);
  if (reference.birthDate !== undefined) resident.birthDate = reference.birthDate;
  return resident;
}
