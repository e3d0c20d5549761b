import { AgencyTask, LocalDate } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { RetirementApplicationStatusCode } from '../domain/retirement-application-status.js';
import { ResidentRef } from '../resident/resident.ref.js';
import type { RetirementApplicationRecord } from './retirement-application.loader.js';

registerEnumType(RetirementApplicationStatusCode, {
  name: 'RetirementApplicationStatusCode',
  description: 'Where an application for Social Security retirement benefits stands.',
  valuesConfig: {
    NOT_STARTED: { description: 'You have not applied for retirement benefits.' },
    RECEIVED: { description: 'We received your application (step 1 of 4).' },
    DOCUMENTS_REQUESTED: {
      description: 'We need documents from you before we can decide (step 2 of 4).',
    },
    IN_REVIEW: {
      description: 'We have what we need and are reviewing your application (step 3 of 4).',
    },
    DECIDED: { description: 'We made a decision and sent you a letter (step 4 of 4).' },
  } satisfies Record<RetirementApplicationStatusCode, { description: string }>,
});

/**
 * The resident's application for retirement benefits (life event TURNING_65). Keyed by the resident
 * only, so the birth date its status depends on (to name the months a resident who has not applied
 * can start) comes through `resident { birthDate }`, which the life-events subgraph resolves.
 */
@Directive('@key(fields: "residentId")')
@ObjectType('RetirementApplication', {
  implements: AgencyTask,
  description:
    'Applying for Social Security retirement benefits: RECEIVED → DOCUMENTS_REQUESTED → IN_REVIEW → DECIDED, or NOT_STARTED.',
})
export class RetirementApplication extends AgencyTask {
  @Directive('@external')
  @Field(() => ResidentRef, {
    description: 'Resolved by life-events; SSA reads only its birthDate.',
  })
  resident!: Partial<ResidentRef>;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the application was filed; null when not started.',
  })
  filedOn!: string | null;

  /** What SSA stores (null: SSA has no record); `status` is computed from it. Not in the schema. */
  record!: RetirementApplicationRecord | null;
}
