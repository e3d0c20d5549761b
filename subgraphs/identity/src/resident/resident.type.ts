import { LocalDate } from '@resident-graph/federation';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AssuranceLevel {
  AUTH_ONLY = 'AUTH_ONLY',
  VERIFIED = 'VERIFIED',
  VERIFIED_FACIAL_MATCH = 'VERIFIED_FACIAL_MATCH',
}

registerEnumType(AssuranceLevel, {
  name: 'AssuranceLevel',
  description: 'How strongly the resident’s identity was proven at sign-up.',
  valuesConfig: {
    AUTH_ONLY: { description: 'Signed in; identity not verified.' },
    VERIFIED: { description: 'Identity verified remotely (IAL2).' },
    VERIFIED_FACIAL_MATCH: { description: 'Identity verified with a facial match.' },
  },
});

@ObjectType('MailingAddress')
export class MailingAddress {
  @Field(() => String)
  line1!: string;

  @Field(() => String)
  city!: string;

  @Field(() => String, { description: 'Two-letter state or territory code.' })
  state!: string;

  @Field(() => String)
  zip!: string;
}

/** A person using government services. Identity owns who they are; agencies extend it. */
@Directive('@key(fields: "id")')
@ObjectType('Resident', { description: 'A resident, identified by a pseudonymous platform id.' })
export class Resident {
  @Field(() => ID, { description: 'Pseudonymous platform id; never an SSN.' })
  id!: string;

  @Field(() => String)
  givenName!: string;

  @Field(() => String)
  familyName!: string;

  @Field(() => LocalDate)
  birthDate!: string;

  @Field(() => MailingAddress)
  mailingAddress!: MailingAddress;

  @Field(() => AssuranceLevel)
  assuranceLevel!: AssuranceLevel;
}
