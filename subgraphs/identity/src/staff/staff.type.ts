import { DateTime } from '@resident-graph/federation';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum StaffPurpose {
  CASE_PROCESSING = 'CASE_PROCESSING',
  RESIDENT_ASSISTANCE = 'RESIDENT_ASSISTANCE',
  RECORD_CORRECTION = 'RECORD_CORRECTION',
  PROGRAM_INTEGRITY = 'PROGRAM_INTEGRITY',
}
registerEnumType(StaffPurpose, {
  name: 'StaffPurpose',
  description: 'Why a caseworker reads a resident’s records; recorded with every read.',
  valuesConfig: {
    CASE_PROCESSING: { description: 'Deciding an application or claim the resident filed.' },
    RESIDENT_ASSISTANCE: { description: 'Helping the resident, at their request.' },
    RECORD_CORRECTION: { description: 'Correcting the resident’s record.' },
    PROGRAM_INTEGRITY: { description: 'A review the law requires (overpayment, fraud).' },
  } satisfies Record<StaffPurpose, { description: string }>,
});

@InputType('RecordCorrectionInput')
export class RecordCorrectionInput {
  @Field(() => ID)
  residentId!: string;

  @Field(() => [String], { description: 'What was corrected, as `Type.field`.' })
  fields!: string[];

  @Field(() => String, { description: 'What changed, in plain words, for the recipients.' })
  summary!: string;
}

@ObjectType('CorrectionNotice', {
  description:
    'Privacy Act (c)(4): a record you received was corrected; update or delete your copy.',
})
export class CorrectionNotice {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  correctionId!: string;

  @Field(() => String, { description: 'The recipient it is meant for (a client id).' })
  recipient!: string;

  @Field(() => ID)
  residentId!: string;

  @Field(() => String)
  agency!: string;

  @Field(() => [String])
  fields!: string[];

  @Field(() => String)
  summary!: string;

  @Field(() => DateTime)
  createdAt!: string;
}

@ObjectType('RecordCorrection', {
  description: 'A correction of an agency record, and who is told.',
})
export class RecordCorrection {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  agency!: string;

  @Field(() => ID)
  residentId!: string;

  @Field(() => [String])
  fields!: string[];

  @Field(() => DateTime)
  correctedAt!: string;

  @Field(() => [CorrectionNotice], {
    description: 'One notice per past recipient of the corrected record.',
  })
  notices!: CorrectionNotice[];
}
