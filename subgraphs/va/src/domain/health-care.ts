import { addYears, plainDate, type IsoDate } from '@resident-graph/calendar';
import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { NO_SERVICE_RECORD_STEPS, type MilitaryService } from './military-service.js';

export type VaHealthCareStatusCode = 'NO_SERVICE_RECORD' | 'NOT_ENROLLED' | 'ENROLLED';
export const VaHealthCareStatusCode: StatusCodes<VaHealthCareStatusCode> = {
  NO_SERVICE_RECORD: 'NO_SERVICE_RECORD',
  NOT_ENROLLED: 'NOT_ENROLLED',
  ENROLLED: 'ENROLLED',
};

/** Combat veterans have enhanced eligibility for VA health care for 10 years after discharge. */
export function enhancedEligibilityEndsOn(service: MilitaryService): IsoDate | null {
  return service.combatVeteran ? addYears(service.separationOn, 10) : null;
}

export function vaHealthCareStatus(
  service: MilitaryService | null,
  enrolledOn: IsoDate | null,
  today: IsoDate,
): TaskStatus<VaHealthCareStatusCode> {
  if (enrolledOn) {
    return taskStatus({
      code: 'ENROLLED',
      label: 'Enrolled',
      description: `You’re enrolled in VA health care since ${plainDate(enrolledOn)}.`,
      nextSteps: ['Find a VA facility or schedule an appointment at va.gov/health-care.'],
      lastChangedOn: enrolledOn,
    });
  }
  if (!service) {
    return taskStatus({
      code: 'NO_SERVICE_RECORD',
      label: 'No service on record',
      description:
        'We have no record of your military service, so we can’t show your VA health care options.',
      nextSteps: NO_SERVICE_RECORD_STEPS,
    });
  }
  const endsOn = enhancedEligibilityEndsOn(service);
  if (endsOn && today <= endsOn) {
    return taskStatus({
      code: 'NOT_ENROLLED',
      label: 'Not enrolled',
      description: `As a combat veteran you can enroll in VA health care with enhanced eligibility until ${plainDate(endsOn)}, 10 years after you leave the military.`,
      nextSteps: [
        'Apply at va.gov/health-care, by phone at 877-222-8387, or at a VA medical center.',
        'Enroll before your enhanced eligibility ends: after that, your income and other factors decide whether you qualify.',
      ],
      actionRequired: true,
      actionDeadline: endsOn,
    });
  }
  return taskStatus({
    code: 'NOT_ENROLLED',
    label: 'Not enrolled',
    description:
      'You aren’t enrolled in VA health care. Whether you qualify depends on your service, any disability rating and your income.',
    nextSteps: [
      'Apply at va.gov/health-care, by phone at 877-222-8387, or at a VA medical center.',
    ],
  });
}
