import { Agency, required } from '@resident-graph/federation';
import type { MedicareRecord } from '../domain/medicare-status.js';
import { MedicarePartStatus } from '../medicare/medicare.type.js';
import { MedicareEnrollment } from './medicare-enrollment.type.js';

/** The task for one resident; `birthDate` when the caller's representation carried it. */
export function toMedicareEnrollment(
  residentId: string,
  record: MedicareRecord,
  birthDate: string | null | undefined,
): MedicareEnrollment {
  return Object.assign(new MedicareEnrollment(), {
    residentId,
    agency: Agency.CMS,
    title: 'Sign up for Medicare',
    resident: { birthDate: birthDate ?? null },
    partA: record.partA as MedicarePartStatus,
    partB: record.partB as MedicarePartStatus,
    record,
  });
}

/** The gateway always sends `resident { birthDate }` to the fields that `@requires` it. */
export function requiredBirthDate(enrollment: MedicareEnrollment): string {
  return required(
    enrollment.resident?.birthDate,
    `MedicareEnrollment ${enrollment.residentId}: resident { birthDate }`,
  );
}
