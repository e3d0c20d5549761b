import { AgencyTask, LocalDate } from '@resident-graph/federation';
import { Directive, Field, ObjectType } from 'type-graphql';

/** The resident's application for retirement benefits (life event TURNING_65). */
@Directive('@key(fields: "residentId")')
@ObjectType('RetirementApplication', {
  implements: AgencyTask,
  description:
    'Applying for Social Security retirement benefits: RECEIVED → DOCUMENTS_REQUESTED → IN_REVIEW → DECIDED, or NOT_STARTED.',
})
export class RetirementApplication extends AgencyTask {
  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the application was filed; null when not started.',
  })
  filedOn!: string | null;
}
