import type { IsoDate } from '@resident-graph/calendar';
import { Agency } from '@resident-graph/federation';
import { retirementApplicationStatus } from '../domain/retirement-application-status.js';
import type { RetirementApplicationRecord } from './retirement-application.loader.js';
import { RetirementApplication } from './retirement-application.type.js';

/** The task for one resident; a resident SSA has no application for gets NOT_STARTED. */
export function toRetirementApplication(
  residentId: string,
  record: RetirementApplicationRecord | null,
  { today, birthDate }: { today: IsoDate; birthDate: IsoDate | null },
): RetirementApplication {
  const application = record?.application ?? null;
  return Object.assign(new RetirementApplication(), {
    residentId,
    agency: Agency.SSA,
    title: 'Apply for Social Security retirement benefits',
    status: retirementApplicationStatus(application, {
      today,
      birthDate,
      benefitsStartedOn: record?.benefitsStartedOn ?? null,
    }),
    filedOn: application?.filedOn ?? null,
  });
}
