import { Agency, AgencyTask, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  childPassportApplicationStatus,
  ChildPassportApplicationStatusCode,
} from '../domain/passport-status.js';
import type { ChildPassportApplicationFacts } from './child-passport-application.loader.js';

registerEnumType(ChildPassportApplicationStatusCode, {
  name: 'ChildPassportApplicationStatusCode',
  description: 'Where the application for your child’s first passport stands.',
  valuesConfig: {
    NOT_AVAILABLE: {
      description:
        'We don’t have an application for your child yet; a first passport is applied for in person.',
    },
    IN_PROCESS: { description: 'We’re working on the application.' },
    ADDITIONAL_INFO_NEEDED: {
      description: 'We need more information from you before we can continue.',
    },
    APPROVED: { description: 'We approved the application and are printing the passport.' },
    MAILED: { description: 'We mailed your child’s passport.' },
  } satisfies Record<ChildPassportApplicationStatusCode, { description: string }>,
});

/** The HAVING_A_CHILD passport task: "this resident's application for their child's first passport". */
@Directive('@key(fields: "residentId")')
@ObjectType('ChildPassportApplication', {
  implements: AgencyTask,
  description: 'A child’s first passport, which a parent applies for in person with form DS-11.',
})
export class ChildPassportApplication extends AgencyTask {
  declare status: TaskStatus<ChildPassportApplicationStatusCode>;

  @Field(() => ChildPassportApplicationStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): ChildPassportApplicationStatusCode {
    return this.status.code;
  }

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
