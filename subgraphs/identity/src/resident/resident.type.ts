import { LocalDate, Protect } from '@resident-graph/federation';
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

/** The resident's profile: the platform's own record of who they are. */
const profile = { scopes: ['identity:read'] } as const;

/** A person using government services. Identity owns who they are; agencies extend it. */
@Directive('@key(fields: "id")')
@ObjectType('Resident', { description: 'A resident, identified by a pseudonymous platform id.' })
export class Resident {
  @Field(() => ID, { description: 'Pseudonymous platform id; never an SSN.' })
  id!: string;

  @Protect(profile)
  @Field(() => String)
  givenName!: string;

  @Protect(profile)
  @Field(() => String)
  familyName!: string;

  // Agencies compute from the birth date (retirement age, Medicare window, which journeys apply), so
  // a client that may read their records may read the date they are computed from: any one of these.
  @Directive('@authenticated')
  @Directive(
    '@requiresScopes(scopes: [["identity:read"], ["journey:read"], ["ssa:read"], ["cms:read"]])',
  )
  @Field(() => LocalDate)
  birthDate!: string;

  // The resident tells us where they live; no agency verified it (the consent preview says so).
  @Directive('@tag(name: "resident-provided")')
  @Protect(profile)
  @Field(() => MailingAddress)
  mailingAddress!: MailingAddress;

  @Protect(profile)
  @Field(() => AssuranceLevel)
  assuranceLevel!: AssuranceLevel;
}
