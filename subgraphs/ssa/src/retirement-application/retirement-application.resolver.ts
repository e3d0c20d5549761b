import { assertMayReadResident, Status, type TaskStatus } from '@resident-graph/federation';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SsaContext } from '../context.js';
import {
  retirementApplicationStatus,
  RetirementApplicationStatusCode,
} from '../domain/retirement-application-status.js';
import { requiredBirthDate } from './retirement-application.js';
import { RetirementApplication } from './retirement-application.type.js';

const REQUIRES_BIRTH_DATE = '@requires(fields: "resident { birthDate }")';

/**
 * The status depends on the birth date (a resident who has not applied is told the months they can
 * start), so it `@requires` it, however the task was reached: a journey step or
 * `Resident.retirementApplication`. The object was authorized when it was loaded; the fields check
 * again so no future path can skip it.
 */
@Resolver(() => RetirementApplication)
export class RetirementApplicationResolver {
  @Directive(REQUIRES_BIRTH_DATE)
  @FieldResolver(() => Status)
  status(@Root() application: RetirementApplication, @Ctx() context: SsaContext): Status {
    return statusOf(application, context);
  }

  // The code is read off the same status, so it needs the same birth date: one computation, no drift.
  @Directive(REQUIRES_BIRTH_DATE)
  @FieldResolver(() => RetirementApplicationStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  statusCode(
    @Root() application: RetirementApplication,
    @Ctx() context: SsaContext,
  ): RetirementApplicationStatusCode {
    return statusOf(application, context).code;
  }
}

function statusOf(
  application: RetirementApplication,
  { caller, clock }: SsaContext,
): TaskStatus<RetirementApplicationStatusCode> {
  assertMayReadResident(caller, application.residentId);
  return retirementApplicationStatus(application.record?.application ?? null, {
    today: clock.today(),
    birthDate: requiredBirthDate(application),
    benefitsStartedOn: application.record?.benefitsStartedOn ?? null,
  });
}
