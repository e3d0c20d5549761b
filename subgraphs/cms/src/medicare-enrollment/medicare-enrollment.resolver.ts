import { assertMayReadResident, Status, type TaskStatus } from '@resident-graph/federation';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CmsContext } from '../context.js';
import {
  enrollmentPeriod,
  medicareEnrollmentStatus,
  MedicareEnrollmentStatusCode,
} from '../domain/medicare-status.js';
import { initialEnrollmentPeriod } from '../domain/enrollment-periods.js';
import { toWindow } from '../medicare/medicare.js';
import { MedicareEnrollmentPeriod, MedicareEnrollmentWindow } from '../medicare/medicare.type.js';
import { requiredBirthDate } from './medicare-enrollment.js';
import { MedicareEnrollment } from './medicare-enrollment.type.js';

const REQUIRES_BIRTH_DATE = '@requires(fields: "resident { birthDate }")';

/**
 * The fields that depend on the birth date. The object reached here was authorized when it was
 * loaded; each field checks again so no future path can skip it.
 */
@Resolver(() => MedicareEnrollment)
export class MedicareEnrollmentResolver {
  @Directive(REQUIRES_BIRTH_DATE)
  @FieldResolver(() => Status)
  status(@Root() enrollment: MedicareEnrollment, @Ctx() context: CmsContext): Status {
    return statusOf(enrollment, context);
  }

  // The code is read off the same status, so it needs the same birth date: one computation, no drift.
  @Directive(REQUIRES_BIRTH_DATE)
  @FieldResolver(() => MedicareEnrollmentStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  statusCode(
    @Root() enrollment: MedicareEnrollment,
    @Ctx() context: CmsContext,
  ): MedicareEnrollmentStatusCode {
    return statusOf(enrollment, context).code;
  }

  @Directive(REQUIRES_BIRTH_DATE)
  @FieldResolver(() => MedicareEnrollmentWindow, {
    description: 'The 7-month Initial Enrollment Period around the 65th birthday month.',
  })
  initialEnrollmentPeriod(
    @Root() enrollment: MedicareEnrollment,
    @Ctx() { caller, clock }: CmsContext,
  ): MedicareEnrollmentWindow {
    assertMayReadResident(caller, enrollment.residentId);
    return toWindow(initialEnrollmentPeriod(requiredBirthDate(enrollment)), clock.today());
  }

  @Directive(REQUIRES_BIRTH_DATE)
  @FieldResolver(() => MedicareEnrollmentPeriod, {
    nullable: true,
    description:
      'For someone signed up, the period they signed up in; otherwise the period open today; null when none applies.',
  })
  enrollmentPeriod(
    @Root() enrollment: MedicareEnrollment,
    @Ctx() { caller, clock }: CmsContext,
  ): MedicareEnrollmentPeriod | null {
    assertMayReadResident(caller, enrollment.residentId);
    return enrollmentPeriod(
      enrollment.record,
      requiredBirthDate(enrollment),
      clock.today(),
    ) as MedicareEnrollmentPeriod | null;
  }
}

function statusOf(
  enrollment: MedicareEnrollment,
  { caller, clock }: CmsContext,
): TaskStatus<MedicareEnrollmentStatusCode> {
  assertMayReadResident(caller, enrollment.residentId);
  return medicareEnrollmentStatus(enrollment.record, requiredBirthDate(enrollment), clock.today());
}
