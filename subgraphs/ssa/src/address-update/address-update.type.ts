import { AgencyTask, LocalDate, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { SocialSecurityAddressUpdateStatusCode } from '../domain/address-update-status.js';

registerEnumType(SocialSecurityAddressUpdateStatusCode, {
  name: 'SocialSecurityAddressUpdateStatusCode',
  description: 'Where updating your address with Social Security stands.',
  valuesConfig: {
    NOT_NEEDED: { description: 'You have not told Social Security about a new address.' },
    SUBMITTED: { description: 'We received your new address and are updating our records.' },
    COMPLETED: { description: 'We updated your address; our letters go to the new one.' },
  } satisfies Record<SocialSecurityAddressUpdateStatusCode, { description: string }>,
});

/** The resident's new address as SSA knows it (life event MOVING). */
@Directive('@key(fields: "residentId")')
@ObjectType('SocialSecurityAddressUpdate', {
  implements: AgencyTask,
  description:
    'Updating your address with Social Security: SUBMITTED → COMPLETED, or NOT_NEEDED. Telling USPS or the IRS does not update SSA.',
})
export class SocialSecurityAddressUpdate extends AgencyTask {
  declare status: TaskStatus<SocialSecurityAddressUpdateStatusCode>;

  @Field(() => SocialSecurityAddressUpdateStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): SocialSecurityAddressUpdateStatusCode {
    return this.status.code;
  }

  @Field(() => LocalDate, { nullable: true, description: 'When SSA received the new address.' })
  submittedOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When SSA finished updating its records.',
  })
  completedOn!: string | null;
}
