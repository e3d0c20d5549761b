import { LocalDate } from '@resident-graph/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The resident's case at VA: "this resident at this agency", keyed like every agency task. */
@Directive('@key(fields: "residentId")')
@ObjectType('VaCase', { description: 'Your case at VA.' })
export class VaCase {
  @Field(() => ID, { description: 'The platform resident id this case belongs to.' })
  residentId!: string;

  @Field(() => String, { description: 'VA’s own case number, e.g. VA-C-000000001.' })
  caseNumber!: string;

  @Field(() => LocalDate, { description: 'When the case was opened.' })
  openedOn!: string;

  @Field(() => String, { description: 'What the case is about, in plain language.' })
  summary!: string;
}
