import { addYears, plainDate, type IsoDate } from '@resident-graph/calendar';
import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { NO_SERVICE_RECORD_STEPS, type MilitaryService } from './military-service.js';

export type GiBillStatusCode = 'NO_SERVICE_RECORD' | 'NO_TIME_LIMIT' | 'USE_BY' | 'EXPIRED';
export const GiBillStatusCode: StatusCodes<GiBillStatusCode> = {
  NO_SERVICE_RECORD: 'NO_SERVICE_RECORD',
  NO_TIME_LIMIT: 'NO_TIME_LIMIT',
  USE_BY: 'USE_BY',
  EXPIRED: 'EXPIRED',
};

/** Service that ended on or after this day has no time limit for the Post-9/11 GI Bill (Forever GI Bill). */
export const NO_TIME_LIMIT_FROM = '2013-01-01';

/** The last day Post-9/11 GI Bill benefits can be used: none from 2013 on, else 15 years after separation. */
export function giBillUseBy(separationOn: IsoDate): IsoDate | null {
  return separationOn >= NO_TIME_LIMIT_FROM ? null : addYears(separationOn, 15);
}

export function giBillStatus(
  service: MilitaryService | null,
  today: IsoDate,
): TaskStatus<GiBillStatusCode> {
  if (!service) {
    return taskStatus({
      code: 'NO_SERVICE_RECORD',
      label: 'No service on record',
      description:
        'We have no record of your military service, so we can’t show your GI Bill benefits.',
      nextSteps: NO_SERVICE_RECORD_STEPS,
    });
  }
  const apply = 'Apply for your Certificate of Eligibility at va.gov, then show it to your school.';
  const useBy = giBillUseBy(service.separationOn);
  if (useBy === null) {
    return taskStatus({
      code: 'NO_TIME_LIMIT',
      label: 'No time limit',
      description:
        'Your service ends on or after January 1, 2013, so your Post-9/11 GI Bill benefits never expire.',
      nextSteps: [apply],
    });
  }
  if (today <= useBy) {
    return taskStatus({
      code: 'USE_BY',
      label: `Use by ${plainDate(useBy)}`,
      description: `Your service ended before January 1, 2013, so you have 15 years to use your Post-9/11 GI Bill benefits: until ${plainDate(useBy)}.`,
      nextSteps: [apply],
      actionRequired: true,
      actionDeadline: useBy,
    });
  }
  return taskStatus({
    code: 'EXPIRED',
    label: 'Expired',
    description: `The 15 years to use your Post-9/11 GI Bill benefits ended on ${plainDate(useBy)}.`,
    nextSteps: ['Other VA education programs may still be open to you: see va.gov/education.'],
  });
}
