import { LocalDate } from '@resident-graph/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Identity's ResidentActions (ADR 0015), extended here with applying for retirement benefits. */
@Directive('@key(fields: "residentId")')
@ObjectType('ResidentActions')
export class ResidentActionsRef {
  @Field(() => ID)
  residentId!: string;

  /** Identity's; the gateway sends it to `applyForRetirement`, for this request only. */
  @Directive('@external')
  @Field(() => LocalDate)
  birthDate!: string;
}
