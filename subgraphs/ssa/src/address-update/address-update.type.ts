import { AgencyTask, LocalDate } from '@resident-graph/federation';
import { Directive, Field, ObjectType } from 'type-graphql';

/** The resident's new address as SSA knows it (life event MOVING). */
@Directive('@key(fields: "residentId")')
@ObjectType('SocialSecurityAddressUpdate', {
  implements: AgencyTask,
  description:
    'Updating your address with Social Security: SUBMITTED → COMPLETED, or NOT_NEEDED. Telling USPS or the IRS does not update SSA.',
})
export class SocialSecurityAddressUpdate extends AgencyTask {
  @Field(() => LocalDate, { nullable: true, description: 'When SSA received the new address.' })
  submittedOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When SSA finished updating its records.',
  })
  completedOn!: string | null;
}
