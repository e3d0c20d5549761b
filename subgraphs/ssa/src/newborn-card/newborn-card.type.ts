import { AgencyTask, LocalDate } from '@resident-graph/federation';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A newborn's Social Security number and card, requested at the hospital (life event HAVING_A_CHILD). */
@Directive('@key(fields: "residentId")')
@ObjectType('NewbornSocialSecurityCard', {
  implements: AgencyTask,
  description:
    'A newborn child’s Social Security card: REQUESTED → PROCESSING → MAILED, or NO_REQUEST.',
})
export class NewbornSocialSecurityCard extends AgencyTask {
  @Field(() => String, {
    nullable: true,
    description: 'The child’s given name as on the request; null when there is none.',
  })
  childGivenName!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the request reached SSA (from the hospital birth form).',
  })
  requestedOn!: string | null;
}
