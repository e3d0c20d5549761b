import type { IsoDate } from '@resident-graph/calendar';
import { LocalDate } from '@resident-graph/federation';
import { Field, Int, ObjectType } from 'type-graphql';
import { onlineRenewalEligibility, type PassportFacts } from '../domain/online-renewal.js';

/** Data minimisation: dates and what the resident can do, never the passport book number. */
@ObjectType('Passport', {
  description:
    'The resident’s current U.S. passport: its dates and whether it can be renewed online.',
})
export class Passport {
  @Field(() => LocalDate)
  issuedOn!: string;

  @Field(() => LocalDate, { description: 'The passport is valid through this date.' })
  expiresOn!: string;

  @Field(() => Int, {
    description: '10 for an adult passport; 5 for a child passport (issued under 16).',
  })
  validityYears!: number;

  @Field(() => Boolean, {
    description: 'Whether the resident can renew this passport online today.',
  })
  canRenewOnline!: boolean;

  @Field(() => [String], {
    description:
      'Why online renewal is not possible, each with what to do instead; empty when it is.',
  })
  onlineRenewalIneligibleReasons!: string[];
}

export function toPassport(passport: PassportFacts, today: IsoDate): Passport {
  const online = onlineRenewalEligibility(passport, today);
  return Object.assign(new Passport(), {
    issuedOn: passport.issuedOn,
    expiresOn: passport.expiresOn,
    validityYears: passport.validityYears,
    canRenewOnline: online.eligible,
    onlineRenewalIneligibleReasons: online.reasons,
  });
}
