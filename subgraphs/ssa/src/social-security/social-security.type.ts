import { LocalDate, Protect } from '@resident-graph/federation';

/** Amounts and SSN digits: only for a resident whose identity was verified with a document check. */
const verifiedOnly = { policies: ['assurance:verified'] } as const;
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('FullRetirementAge', {
  description: 'An age in years and months, e.g. 66 and 10 months.',
})
export class FullRetirementAge {
  @Field(() => Int)
  years!: number;

  @Field(() => Int, { description: '0–11.' })
  months!: number;
}

@ObjectType('BenefitEstimate', {
  description: 'The monthly retirement benefit if it starts at one claiming age.',
})
export class BenefitEstimate {
  @Field(() => Int, { description: 'Age in whole years when benefits start, 62–70.' })
  claimingAge!: number;

  @Field(() => LocalDate, {
    description: 'First day of the month the resident reaches the claiming age.',
  })
  startsOn!: string;

  @Protect(verifiedOnly)
  @Field(() => Int, {
    // Nullable so that a caller refused the amount still gets the rest of the estimate.
    nullable: true,
    description:
      'Monthly amount in whole dollars (rounded down, as SSA pays it); null with FORBIDDEN for an unverified identity.',
  })
  monthlyAmount!: number;

  @Field(() => Float, {
    description: 'Share of the full benefit, in percent to two decimals (70, 100, 124).',
  })
  percentOfFullBenefit!: number;
}

@ObjectType('SocialSecurity', {
  description: 'The resident’s Social Security record, as SSA tells it to them.',
})
export class SocialSecurity {
  @Protect(verifiedOnly)
  @Field(() => String, {
    nullable: true,
    description:
      'The Social Security number, masked: `***-**-1234`. The full number never leaves SSA.',
  })
  ssnLast4!: string;

  @Field(() => FullRetirementAge)
  fullRetirementAge!: FullRetirementAge;

  @Field(() => LocalDate, {
    description:
      'First day of the month the resident reaches full retirement age: 100% of the benefit from then on.',
  })
  fullRetirementDate!: string;

  @Protect(verifiedOnly)
  @Field(() => Int, {
    nullable: true,
    description:
      'Monthly benefit at full retirement age (primary insurance amount), whole dollars.',
  })
  monthlyAmountAtFullRetirementAge!: number;

  @Field(() => [BenefitEstimate], {
    description:
      'Estimates for benefits starting at each age from 62 to 70. Empty for people born before 1943 (past 70, older rules).',
  })
  benefitEstimates!: BenefitEstimate[];

  @Field(() => Boolean, {
    description: 'Whether the resident receives Social Security benefits now.',
  })
  receivingBenefits!: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First month of benefits, when they have started.',
  })
  benefitsStartedOn!: string | null;
}
