import type { IsoDate } from '@resident-graph/calendar';
import { Agency, required } from '@resident-graph/federation';
import type { RetirementApplicationRecord } from './retirement-application.loader.js';
import { RetirementApplication } from './retirement-application.type.js';

/** The task for one resident; `birthDate` when the caller's representation carried it. */
export function toRetirementApplication(
  residentId: string,
  record: RetirementApplicationRecord | null,
  birthDate: IsoDate | null | undefined,
): RetirementApplication {
  return Object.assign(new RetirementApplication(), {
    residentId,
    agency: Agency.SSA,
    title: 'Apply for Social Security retirement benefits',
    resident: { birthDate: birthDate ?? null },
    filedOn: record?.application?.filedOn ?? null,
    record,
  });
}

/** The gateway always sends `resident { birthDate }` to the fields that `@requires` it. */
export function requiredBirthDate(application: RetirementApplication): IsoDate {
  return required(
    application.resident?.birthDate,
    `RetirementApplication ${application.residentId}: resident { birthDate }`,
  );
}
