import type { IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask, LocalDate, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  enhancedEligibilityEndsOn,
  vaHealthCareStatus,
  VaHealthCareStatusCode,
} from '../domain/health-care.js';
import type { VaRecord } from '../domain/military-service.js';

registerEnumType(VaHealthCareStatusCode, {
  name: 'VaHealthCareStatusCode',
  description: 'Whether you are enrolled in VA health care.',
  valuesConfig: {
    NO_SERVICE_RECORD: { description: 'We have no record of your military service.' },
    NOT_ENROLLED: { description: 'Not enrolled in VA health care.' },
    ENROLLED: { description: 'Enrolled in VA health care.' },
  } satisfies Record<VaHealthCareStatusCode, { description: string }>,
});

/** The LEAVING_MILITARY health task: "this resident's VA health care enrollment". */
@Directive('@key(fields: "residentId")')
@ObjectType('VaHealthCareEnrollment', {
  implements: AgencyTask,
  description:
    'Enrollment in VA health care; combat veterans have enhanced eligibility for 10 years after discharge.',
})
export class VaHealthCareEnrollment extends AgencyTask {
  declare status: TaskStatus<VaHealthCareStatusCode>;

  @Field(() => VaHealthCareStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): VaHealthCareStatusCode {
    return this.status.code;
  }

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When enrollment began; null if not enrolled.',
  })
  enrolledOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Last day of a combat veteran’s enhanced eligibility (10 years after discharge); null for others.',
  })
  enhancedEligibilityEndsOn!: string | null;
}

export function toVaHealthCareEnrollment(
  residentId: string,
  { service, healthCareEnrolledOn }: VaRecord,
  today: IsoDate,
): VaHealthCareEnrollment {
  return Object.assign(new VaHealthCareEnrollment(), {
    residentId,
    agency: Agency.VA,
    title: 'Enroll in VA health care',
    status: vaHealthCareStatus(service, healthCareEnrolledOn, today),
    enrolledOn: healthCareEnrolledOn,
    enhancedEligibilityEndsOn: service ? enhancedEligibilityEndsOn(service) : null,
  });
}
