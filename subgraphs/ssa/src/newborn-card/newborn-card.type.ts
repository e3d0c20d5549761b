import { AgencyTask, LocalDate, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { NewbornSocialSecurityCardStatusCode } from '../domain/newborn-card-status.js';

registerEnumType(NewbornSocialSecurityCardStatusCode, {
  name: 'NewbornSocialSecurityCardStatusCode',
  description: 'Where a newborn child’s Social Security card stands.',
  valuesConfig: {
    NO_REQUEST: {
      description: 'We have no request for a Social Security number for your newborn.',
    },
    REQUESTED: {
      description: 'We received the request from the hospital birth form (step 1 of 3).',
    },
    PROCESSING: { description: 'We are assigning the number and making the card (step 2 of 3).' },
    MAILED: { description: 'We mailed the card (step 3 of 3).' },
  } satisfies Record<NewbornSocialSecurityCardStatusCode, { description: string }>,
});

/** A newborn's Social Security number and card, requested at the hospital (life event HAVING_A_CHILD). */
@Directive('@key(fields: "residentId")')
@ObjectType('NewbornSocialSecurityCard', {
  implements: AgencyTask,
  description:
    'A newborn child’s Social Security card: REQUESTED → PROCESSING → MAILED, or NO_REQUEST.',
})
export class NewbornSocialSecurityCard extends AgencyTask {
  declare status: TaskStatus<NewbornSocialSecurityCardStatusCode>;

  @Field(() => NewbornSocialSecurityCardStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): NewbornSocialSecurityCardStatusCode {
    return this.status.code;
  }

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
