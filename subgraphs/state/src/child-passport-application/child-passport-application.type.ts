import { Agency, AgencyTask } from '@resident-graph/federation';
import { Directive, Field, ObjectType } from 'type-graphql';
import { childPassportApplicationStatus } from '../domain/passport-status.js';
import type { ChildPassportApplicationFacts } from './child-passport-application.loader.js';

/** The HAVING_A_CHILD passport task: "this resident's application for their child's first passport". */
@Directive('@key(fields: "residentId")')
@ObjectType('ChildPassportApplication', {
  implements: AgencyTask,
  description: 'A child’s first passport, which a parent applies for in person with form DS-11.',
})
export class ChildPassportApplication extends AgencyTask {
  @Field(() => String, {
    nullable: true,
    description: 'The child’s given name, once an application names them.',
  })
  childGivenName!: string | null;

  @Field(() => Boolean, {
    description:
      'Always true: a child’s first passport is applied for in person, never online or by mail.',
  })
  mustApplyInPerson!: boolean;
}

export function toChildPassportApplication(
  residentId: string,
  application: ChildPassportApplicationFacts | null,
): ChildPassportApplication {
  return Object.assign(new ChildPassportApplication(), {
    residentId,
    agency: Agency.STATE,
    title: 'Apply for your child’s passport',
    status: childPassportApplicationStatus(application),
    childGivenName: application?.childGivenName ?? null,
    mustApplyInPerson: true,
  });
}
