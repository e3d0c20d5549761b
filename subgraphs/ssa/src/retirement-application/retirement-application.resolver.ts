import { assertMayReadResident, Status } from '@resident-graph/federation';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SsaContext } from '../context.js';
import { retirementApplicationStatus } from '../domain/retirement-application-status.js';
import { requiredBirthDate } from './retirement-application.js';
import { RetirementApplication } from './retirement-application.type.js';

/**
 * The status depends on the birth date (a resident who has not applied is told the months they can
 * start), so it `@requires` it, however the task was reached: a journey step or
 * `Resident.retirementApplication`. The object was authorized when it was loaded; the field checks
 * again so no future path can skip it.
 */
@Resolver(() => RetirementApplication)
export class RetirementApplicationResolver {
  @Directive('@requires(fields: "resident { birthDate }")')
  @FieldResolver(() => Status)
  status(@Root() application: RetirementApplication, @Ctx() { caller, clock }: SsaContext): Status {
    assertMayReadResident(caller, application.residentId);
    return retirementApplicationStatus(application.record?.application ?? null, {
      today: clock.today(),
      birthDate: requiredBirthDate(application),
      benefitsStartedOn: application.record?.benefitsStartedOn ?? null,
    });
  }
}
