import { DateTime, LocalDate } from '@resident-graph/federation';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ConsentStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description: 'Whether an application may read your records under this consent right now.',
  valuesConfig: {
    ACTIVE: { description: 'The application may read what the consent covers.' },
    PAUSED: { description: 'You paused it: nothing is released until you resume it.' },
    EXPIRED: { description: 'Its end date passed: nothing is released any more.' },
    REVOKED: { description: 'You took it back: nothing is released any more, ever.' },
  } satisfies Record<ConsentStatus, { description: string }>,
});

export enum ConsentRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}
registerEnumType(ConsentRequestStatus, {
  name: 'ConsentRequestStatus',
  description: 'Where an application’s request for your consent stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for you to preview it and decide.' },
    APPROVED: { description: 'You approved it; it became a consent.' },
    DECLINED: { description: 'You declined it; nothing was released.' },
  } satisfies Record<ConsentRequestStatus, { description: string }>,
});

export enum ConsentPurpose {
  TAX_PREPARATION = 'TAX_PREPARATION',
  BENEFITS_SCREENING = 'BENEFITS_SCREENING',
  LEGAL_ASSISTANCE = 'LEGAL_ASSISTANCE',
  FINANCIAL_COUNSELING = 'FINANCIAL_COUNSELING',
}
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'Why an application asks for your records; it may use them for this purpose only.',
  valuesConfig: {
    TAX_PREPARATION: { description: 'Preparing and filing your tax return.' },
    BENEFITS_SCREENING: { description: 'Finding benefits you may qualify for.' },
    LEGAL_ASSISTANCE: { description: 'Legal aid on your behalf.' },
    FINANCIAL_COUNSELING: { description: 'Financial or retirement counseling.' },
  } satisfies Record<ConsentPurpose, { description: string }>,
});

export enum FetchPeriod {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(FetchPeriod, {
  name: 'FetchPeriod',
  description: 'The period a consent’s fetch limit counts over (calendar day, month or year).',
});

/** Settings a consent has, whether a resident grants it directly or approves an application's request. */
@ObjectType()
abstract class ConsentTerms {
  @Field(() => String, { description: 'The application, by its registered client id.' })
  clientId!: string;

  @Field(() => [String], { description: 'What it may read (scopes; see docs/authorization.md).' })
  scopes!: string[];

  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  @Field(() => LocalDate, { description: 'Nothing is released after this day.' })
  expiresOn!: string;

  @Field(() => Int, {
    description: 'How many days the application may keep what it receives before deleting it.',
  })
  retentionDays!: number;

  @Field(() => Int, { description: 'How many times it may fetch per `fetchPeriod`.' })
  maxFetches!: number;

  @Field(() => FetchPeriod)
  fetchPeriod!: FetchPeriod;

  @Field(() => Boolean, {
    description: 'Each release needs you to preview the data and approve it first.',
  })
  previewEachRelease!: boolean;
}

@ObjectType('ConsentGrant', {
  description: 'Your consent for one application to read some of your records, on your terms.',
})
export class ConsentGrant extends ConsentTerms {
  @Field(() => ID)
  id!: string;

  @Field(() => ConsentStatus)
  status!: ConsentStatus;

  @Field(() => DateTime)
  grantedAt!: string;

  @Field(() => Boolean, {
    description: 'The application may run only the operation you previewed, nothing else.',
  })
  boundToOperation!: boolean;

  @Field(() => Int, { description: 'Fetches used in the current period.' })
  fetchesThisPeriod!: number;

  @Field(() => Boolean, {
    description: 'For preview-each-release consents: you approved the next release.',
  })
  releaseApproved!: boolean;
}

@ObjectType('ConsentRequest', {
  description:
    'An application asking for your consent. Preview exactly what it would receive, then approve or decline.',
})
export class ConsentRequest extends ConsentTerms {
  @Field(() => ID)
  id!: string;

  @Field(() => ConsentRequestStatus)
  status!: ConsentRequestStatus;

  @Field(() => String, {
    description:
      'The GraphQL operation the application will run. Send it with `extensions.consentPreview` set to this request’s id to see exactly what it would receive.',
  })
  operation!: string;

  @Field(() => DateTime)
  createdAt!: string;

  @Field(() => DateTime, { nullable: true, description: 'When you last previewed it.' })
  previewedAt!: string | null;

  @Field(() => ID, { nullable: true, description: 'The consent it became, once approved.' })
  grantId!: string | null;
}

@InputType()
abstract class ConsentTermsInput {
  @Field(() => [String])
  scopes!: string[];

  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  @Field(() => LocalDate)
  expiresOn!: string;

  @Field(() => Int, { defaultValue: 30 })
  retentionDays!: number;

  @Field(() => Int, { defaultValue: 1 })
  maxFetches!: number;

  @Field(() => FetchPeriod, { defaultValue: FetchPeriod.DAY })
  fetchPeriod!: FetchPeriod;
}

@InputType('ConsentRequestInput', {
  description: 'What an application asks a resident for (it is the signed-in resident’s token).',
})
export class ConsentRequestInput extends ConsentTermsInput {
  @Field(() => String, {
    description:
      'The GraphQL operation the application will run under the consent, as it will send it.',
  })
  operation!: string;

  @Field(() => Boolean, { defaultValue: false })
  previewEachRelease!: boolean;
}

@InputType('GrantConsentInput', {
  description: 'A consent the resident gives an application directly (not bound to one operation).',
})
export class GrantConsentInput extends ConsentTermsInput {
  @Field(() => String)
  clientId!: string;
}
