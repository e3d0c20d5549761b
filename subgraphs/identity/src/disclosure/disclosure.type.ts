import { DateTime } from '@resident-graph/federation';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum RecipientKind {
  THIRD_PARTY = 'THIRD_PARTY',
  STAFF = 'STAFF',
  AGENCY = 'AGENCY',
}
registerEnumType(RecipientKind, {
  name: 'RecipientKind',
  description: 'Who received your records.',
  valuesConfig: {
    THIRD_PARTY: { description: 'An application you gave consent to.' },
    STAFF: { description: 'A caseworker of the agency, for a stated purpose and case.' },
    AGENCY: {
      description:
        'An agency you told something once (`reportMove`, `reportBirth`): it was sent what you declared.',
    },
  } satisfies Record<RecipientKind, { description: string }>,
});

@ObjectType('Disclosure', {
  description:
    'One release of your records to someone other than you: the accounting the Privacy Act requires, kept at least 5 years.',
})
export class Disclosure {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTime)
  disclosedAt!: string;

  @Field(() => String, {
    description:
      'Whose records: the agency (subgraph) name, e.g. `irs`; `life-events` for what you declared to tell agencies once.',
  })
  agency!: string;

  @Field(() => [String], { description: 'What was released, as `Type.field`.' })
  fields!: string[];

  @Field(() => RecipientKind)
  recipientKind!: RecipientKind;

  @Field(() => String, {
    description:
      'The application’s client id, `<agency> staff <id>` for a caseworker, or the agency told (e.g. `usps`).',
  })
  recipient!: string;

  @Field(() => String, { description: 'The purpose stated for the release.' })
  purpose!: string;

  @Field(() => ID, { nullable: true, description: 'The consent it was released under.' })
  consentId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The case a caseworker stated, or the declaration an agency was told of.',
  })
  caseReference!: string | null;

  @Field(() => String, {
    description:
      'The request id, to match the gateway’s logs; for an agency told, the id of its notification.',
  })
  requestId!: string;

  @Field(() => DateTime, { description: 'Kept until at least this moment.' })
  retainUntil!: string;
}

@ObjectType('DisclosurePage')
export class DisclosurePage {
  @Field(() => [Disclosure])
  records!: Disclosure[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next (older) page; null on the last page.',
  })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}
