import { AgencyTask } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { MedicareEnrollmentStatusCode, type MedicareRecord } from '../domain/medicare-status.js';
import { MedicarePartStatus } from '../medicare/medicare.type.js';
import { ResidentRef } from '../resident/resident.ref.js';

registerEnumType(MedicareEnrollmentStatusCode, {
  name: 'MedicareEnrollmentStatusCode',
  description: 'Where signing up for Medicare Part A and Part B stands, both parts together.',
  valuesConfig: {
    NOT_ENROLLED: { description: 'You are not signed up for Part A or Part B.' },
    PENDING: { description: 'Your sign-up for at least one part is being processed.' },
    ENROLLED: { description: 'You have Part A, Part B, or both, and nothing is being processed.' },
  } satisfies Record<MedicareEnrollmentStatusCode, { description: string }>,
});

/**
 * Signing up for Medicare (life event TURNING_65). Keyed by the resident only, so the birth date its
 * status depends on comes through `resident { birthDate }`, which the life-events subgraph resolves.
 */
@Directive('@key(fields: "residentId")')
@ObjectType('MedicareEnrollment', {
  implements: AgencyTask,
  description: 'Signing up for Medicare Parts A and B: NOT_ENROLLED, PENDING or ENROLLED.',
})
export class MedicareEnrollment extends AgencyTask {
  @Directive('@external')
  @Field(() => ResidentRef, {
    description: 'Resolved by life-events; CMS reads only its birthDate.',
  })
  resident!: Partial<ResidentRef>;

  @Field(() => MedicarePartStatus)
  partA!: MedicarePartStatus;

  @Field(() => MedicarePartStatus)
  partB!: MedicarePartStatus;

  /** What CMS stores; the birth-date-dependent fields are computed from it. Not in the schema. */
  record!: MedicareRecord;
}
