import { LocalDate } from '@resident-graph/federation';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MedicarePartStatus {
  NOT_ENROLLED = 'NOT_ENROLLED',
  PENDING = 'PENDING',
  ENROLLED = 'ENROLLED',
}

registerEnumType(MedicarePartStatus, {
  name: 'MedicarePartStatus',
  description: 'Enrollment in one part of Medicare (A: hospital, B: medical).',
  valuesConfig: {
    NOT_ENROLLED: { description: 'Not signed up.' },
    PENDING: { description: 'Signed up; being processed.' },
    ENROLLED: { description: 'Enrolled; coverage starts or started on the coverage start date.' },
  },
});

export enum MedicareEnrollmentPeriod {
  IEP = 'IEP',
  GEP = 'GEP',
  SEP = 'SEP',
}

registerEnumType(MedicareEnrollmentPeriod, {
  name: 'MedicareEnrollmentPeriod',
  description: 'A window in which someone can sign up for Medicare Part A and Part B.',
  valuesConfig: {
    IEP: { description: 'Initial Enrollment Period: the 7 months around the month you turn 65.' },
    GEP: {
      description:
        'General Enrollment Period: January 1 – March 31 each year, after the IEP; late penalties may apply.',
    },
    SEP: {
      description:
        'Special Enrollment Period: e.g. after job-based coverage ends; no late penalty.',
    },
  },
});

@ObjectType('MedicareEnrollmentWindow', {
  description: 'A sign-up window, first and last day included.',
})
export class MedicareEnrollmentWindow {
  @Field(() => LocalDate)
  start!: string;

  @Field(() => LocalDate)
  end!: string;

  @Field(() => Boolean, { description: 'Whether the window is open today.' })
  isOpen!: boolean;
}

@ObjectType('Medicare', {
  description: 'The resident’s Medicare eligibility and enrollment, as CMS tells it to them.',
})
export class Medicare {
  @Field(() => MedicarePartStatus, { description: 'Part A (hospital insurance).' })
  partA!: MedicarePartStatus;

  @Field(() => MedicarePartStatus, { description: 'Part B (medical insurance).' })
  partB!: MedicarePartStatus;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When coverage starts or started, for parts enrolled or pending.',
  })
  coverageStartsOn!: string | null;

  @Field(() => MedicareEnrollmentWindow, {
    description: 'The 7-month Initial Enrollment Period around the 65th birthday month.',
  })
  initialEnrollmentPeriod!: MedicareEnrollmentWindow;

  @Field(() => MedicareEnrollmentWindow, {
    description: 'The General Enrollment Period open today, or else the next one.',
  })
  generalEnrollmentPeriod!: MedicareEnrollmentWindow;

  @Field(() => MedicareEnrollmentPeriod, {
    nullable: true,
    description:
      'For someone signed up, the period they signed up in; otherwise the period open today; null when none applies.',
  })
  enrollmentPeriod!: MedicareEnrollmentPeriod | null;

  @Field(() => Boolean, {
    description:
      'Enrolled in Parts A and B automatically, because Social Security benefits started 4+ months before 65.',
  })
  automaticallyEnrolled!: boolean;

  @Field(() => Int, {
    description:
      'Lifelong Part B late-enrollment penalty in percent: 10 for each full 12 months without Part B after the IEP. For someone not enrolled, the penalty so far (assuming no job-based coverage).',
  })
  partBLatePenaltyPercent!: number;
}
