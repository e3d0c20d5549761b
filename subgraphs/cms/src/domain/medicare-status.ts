import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import {
  firstDayOf,
  monthsBetween,
  plainDate,
  plainMonth,
  yearMonthOf,
  type IsoDate,
} from '@resident-graph/calendar';
import type { MedicarePartStatus } from '@resident-graph/personas';
import {
  generalEnrollmentPeriod,
  initialEnrollmentPeriod,
  isWithin,
  turning65Month,
  type DateWindow,
} from './enrollment-periods.js';
import { latePenaltyPercent, monthsWithoutPartB } from './late-penalty.js';

export type EnrollmentPeriodCode = 'IEP' | 'GEP' | 'SEP';
/** Every code a Medicare enrollment's status can carry: both parts together (`overallEnrollment`). */
export type MedicareEnrollmentStatusCode = MedicarePartStatus;
export const MedicareEnrollmentStatusCode: StatusCodes<MedicareEnrollmentStatusCode> = {
  NOT_ENROLLED: 'NOT_ENROLLED',
  PENDING: 'PENDING',
  ENROLLED: 'ENROLLED',
};

/** What CMS holds about one beneficiary. */
export interface MedicareRecord {
  partA: MedicarePartStatus;
  partB: MedicarePartStatus;
  /** When the Part A/B status last changed. */
  changedOn: IsoDate | null;
  /** When coverage starts (or started) for the parts enrolled or pending. */
  coverageStartsOn: IsoDate | null;
  /** Set from SSA's benefit start: enrolled in A and B without applying. */
  enrolledAutomatically: boolean;
}

/** A resident CMS has no record for: not enrolled, nothing pending. */
export const NO_MEDICARE_RECORD: MedicareRecord = Object.freeze({
  partA: 'NOT_ENROLLED',
  partB: 'NOT_ENROLLED',
  changedOn: null,
  coverageStartsOn: null,
  enrolledAutomatically: false,
});

export interface MedicareAssessment {
  code: MedicareEnrollmentStatusCode;
  initialEnrollmentPeriod: DateWindow;
  generalEnrollmentPeriod: DateWindow;
  enrollmentPeriod: EnrollmentPeriodCode | null;
  partBLatePenaltyPercent: number;
}

const signedUp = (part: MedicarePartStatus) => part !== 'NOT_ENROLLED';

/** One code for both parts: anything pending is PENDING; else any part enrolled is ENROLLED. */
export function overallEnrollment({
  partA,
  partB,
}: Pick<MedicareRecord, 'partA' | 'partB'>): MedicareEnrollmentStatusCode {
  if (partA === 'PENDING' || partB === 'PENDING') return 'PENDING';
  if (partA === 'ENROLLED' || partB === 'ENROLLED') return 'ENROLLED';
  return 'NOT_ENROLLED';
}

/**
 * The enrollment period that applies. For someone signed up: the one they signed up in, read from
 * when coverage starts — an IEP sign-up starts by the month after the IEP; a GEP sign-up (January to
 * March) starts the month after, so in February to April; any other start can only come from a
 * Special Enrollment Period. For someone not signed up: the window open today, or null.
 */
export function enrollmentPeriod(
  record: MedicareRecord,
  birthDate: IsoDate,
  today: IsoDate,
): EnrollmentPeriodCode | null {
  const iep = initialEnrollmentPeriod(birthDate);
  if (!signedUp(record.partA) && !signedUp(record.partB)) {
    if (isWithin(today, iep)) return 'IEP';
    if (today > iep.end && isWithin(today, generalEnrollmentPeriod(today))) return 'GEP';
    return null;
  }
  if (record.enrolledAutomatically) return 'IEP';
  if (!record.coverageStartsOn) return null;
  const coverage = yearMonthOf(record.coverageStartsOn);
  if (monthsBetween(yearMonthOf(iep.end), coverage) <= 1) return 'IEP';
  if (coverage.month >= 2 && coverage.month <= 4) return 'GEP';
  return 'SEP';
}

/**
 * The Part B late-enrollment penalty in percent, for life. Zero for anyone who signed up in their
 * IEP, automatically, or in a Special Enrollment Period, and while the IEP is still open. For someone
 * not enrolled after their IEP, the penalty so far (assuming no job-based coverage, which would let
 * them sign up later without one).
 */
export function partBLatePenaltyPercent(
  record: MedicareRecord,
  birthDate: IsoDate,
  today: IsoDate,
): number {
  const iep = initialEnrollmentPeriod(birthDate);
  if (signedUp(record.partB)) {
    if (enrollmentPeriod(record, birthDate, today) !== 'GEP' || !record.coverageStartsOn) return 0;
    return latePenaltyPercent(monthsWithoutPartB(iep, yearMonthOf(record.coverageStartsOn)));
  }
  if (today <= iep.end) return 0;
  return latePenaltyPercent(monthsWithoutPartB(iep, yearMonthOf(today)));
}

export function assessMedicare(
  record: MedicareRecord,
  birthDate: IsoDate,
  today: IsoDate,
): MedicareAssessment {
  return {
    code: overallEnrollment(record),
    initialEnrollmentPeriod: initialEnrollmentPeriod(birthDate),
    generalEnrollmentPeriod: generalEnrollmentPeriod(today),
    enrollmentPeriod: enrollmentPeriod(record, birthDate, today),
    partBLatePenaltyPercent: partBLatePenaltyPercent(record, birthDate, today),
  };
}

const APPLY =
  'Apply through Social Security, online at ssa.gov, by phone, or at a Social Security office: applying for Medicare is usually done through Social Security.';
const JOB_COVERAGE =
  'If you or your spouse have health coverage from current work, you may be able to sign up later in a Special Enrollment Period without a penalty.';
const partWords: Record<MedicarePartStatus, string> = {
  NOT_ENROLLED: 'not enrolled',
  PENDING: 'being processed',
  ENROLLED: 'enrolled',
};

/** Where the resident's Medicare enrollment stands, in the words a resident sees. */
export function medicareEnrollmentStatus(
  record: MedicareRecord,
  birthDate: IsoDate,
  today: IsoDate,
): TaskStatus<MedicareEnrollmentStatusCode> {
  const assessment = assessMedicare(record, birthDate, today);
  switch (assessment.code) {
    case 'NOT_ENROLLED':
      return notEnrolled(record, birthDate, today, assessment);
    case 'PENDING':
      return pending(record, today);
    case 'ENROLLED':
      return enrolled(record, today, assessment);
  }
}

function notEnrolled(
  record: MedicareRecord,
  birthDate: IsoDate,
  today: IsoDate,
  {
    initialEnrollmentPeriod: iep,
    generalEnrollmentPeriod: gep,
    partBLatePenaltyPercent: penalty,
  }: MedicareAssessment,
): TaskStatus<'NOT_ENROLLED'> {
  const month65 = turning65Month(birthDate);
  const coverageFrom = firstDayOf(month65);
  const code = 'NOT_ENROLLED';
  if (record.enrolledAutomatically && today <= iep.end) {
    return taskStatus({
      code,
      label: 'Enrolling automatically',
      description: `You get Social Security benefits, so you will be enrolled in Medicare Part A and Part B automatically, with coverage from ${plainDate(coverageFrom)}.`,
      nextSteps: [
        'Your Medicare card comes in the mail about 3 months before your 65th birthday.',
        'Part B has a monthly premium. If you do not want Part B, follow the instructions that come with your card.',
      ],
      expectedBy: coverageFrom,
      lastChangedOn: record.changedOn,
    });
  }
  const window = `from ${plainDate(iep.start)} to ${plainDate(iep.end)}`;
  if (today < iep.start) {
    return taskStatus({
      code,
      label: 'Not enrolled yet',
      description: `You can sign up for Medicare Part A and Part B in your Initial Enrollment Period, ${window}. It opens on ${plainDate(iep.start)}.`,
      nextSteps: [
        `If you sign up before ${plainMonth(month65)}, your coverage starts on ${plainDate(coverageFrom)}.`,
        APPLY,
        'If you get Social Security benefits at least 4 months before you turn 65, you will be enrolled automatically.',
      ],
      lastChangedOn: record.changedOn,
    });
  }
  if (today <= iep.end) {
    return taskStatus({
      code,
      label: 'Sign-up window open',
      description: `Your Initial Enrollment Period is open until ${plainDate(iep.end)}. Sign up for Medicare Part A and Part B by then to avoid a late enrollment penalty that lasts as long as you have Part B.`,
      nextSteps: [
        APPLY,
        today < coverageFrom
          ? `If you sign up before ${plainMonth(month65)}, your coverage starts on ${plainDate(coverageFrom)}.`
          : 'Your coverage starts the first day of the month after you sign up.',
        JOB_COVERAGE,
      ],
      actionRequired: true,
      actionDeadline: iep.end,
      lastChangedOn: record.changedOn,
    });
  }
  const penaltyNote =
    penalty > 0
      ? ` If you sign up now, your Part B premium will be at least ${penalty}% higher for as long as you have Part B.`
      : '';
  if (isWithin(today, gep)) {
    return taskStatus({
      code,
      label: 'General Enrollment Period open',
      description: `Your Initial Enrollment Period ended on ${plainDate(iep.end)}. You can sign up now, in the General Enrollment Period, until ${plainDate(gep.end)}.${penaltyNote}`,
      nextSteps: [
        APPLY,
        'Your coverage starts the first day of the month after you sign up.',
        JOB_COVERAGE,
      ],
      actionRequired: true,
      actionDeadline: gep.end,
      lastChangedOn: record.changedOn,
    });
  }
  return taskStatus({
    code,
    label: 'Not enrolled',
    description: `Your Initial Enrollment Period ended on ${plainDate(iep.end)}. You can sign up in the next General Enrollment Period, from ${plainDate(gep.start)} to ${plainDate(gep.end)}.${penaltyNote}`,
    nextSteps: [JOB_COVERAGE, APPLY],
    lastChangedOn: record.changedOn,
  });
}

function pending(record: MedicareRecord, today: IsoDate): TaskStatus<'PENDING'> {
  const coverage = record.coverageStartsOn;
  return taskStatus({
    code: 'PENDING',
    label: 'Enrollment in progress',
    description: `We are processing your Medicare enrollment. Part A: ${partWords[record.partA]}. Part B: ${partWords[record.partB]}.${
      coverage ? ` Your coverage start date is ${plainDate(coverage)}.` : ''
    }`,
    nextSteps: [
      'You do not need to do anything now. We will mail you a letter and your Medicare card.',
      'Questions about your application? Contact Social Security: it handles Medicare applications.',
    ],
    expectedBy: coverage && coverage > today ? coverage : null,
    lastChangedOn: record.changedOn,
  });
}

function enrolled(
  record: MedicareRecord,
  today: IsoDate,
  {
    initialEnrollmentPeriod: iep,
    generalEnrollmentPeriod: gep,
    partBLatePenaltyPercent: penalty,
  }: MedicareAssessment,
): TaskStatus<'ENROLLED'> {
  const coverage = record.coverageStartsOn;
  const future = coverage !== null && coverage > today;
  const when = coverage
    ? ` Your coverage ${future ? 'starts' : 'started'} on ${plainDate(coverage)}.`
    : '';
  const automatic = record.enrolledAutomatically
    ? ' You were enrolled automatically because you get Social Security benefits.'
    : '';
  if (record.partA === 'ENROLLED' && record.partB === 'ENROLLED') {
    const penaltyNote =
      penalty > 0 ? ` Your Part B premium includes a ${penalty}% late enrollment penalty.` : '';
    return taskStatus({
      code: 'ENROLLED',
      label: 'Enrolled',
      description: `You have Medicare Part A and Part B.${when}${automatic}${penaltyNote}`,
      nextSteps:
        future && record.enrolledAutomatically
          ? [
              'Your Medicare card comes in the mail about 3 months before your 65th birthday.',
              'Part B has a monthly premium. If you do not want Part B, follow the instructions that come with your card before your coverage starts.',
            ]
          : [
              'Show your Medicare card when you get care.',
              'Each year from October 15 to December 7 you can change how you get your Medicare coverage.',
            ],
      expectedBy: future ? coverage : null,
      lastChangedOn: record.changedOn,
    });
  }
  // One part only: usually Part A, with Part B put off (often because of coverage from work).
  const [has, lacks] = record.partA === 'ENROLLED' ? ['Part A', 'Part B'] : ['Part B', 'Part A'];
  const inIep = isWithin(today, iep);
  const inGep = today > iep.end && isWithin(today, gep);
  const deadline = inIep ? iep.end : inGep ? gep.end : null;
  const penaltyNote =
    penalty === 0
      ? ''
      : lacks === 'Part B'
        ? ` If you sign up for Part B now, its premium will be at least ${penalty}% higher for as long as you have it.`
        : ` Your Part B premium includes a ${penalty}% late enrollment penalty.`;
  return taskStatus({
    code: 'ENROLLED',
    label: `Enrolled in ${has}`,
    description: `You have Medicare ${has} but not ${lacks}.${when}${penaltyNote}${
      deadline ? ` You can sign up for ${lacks} until ${plainDate(deadline)}.` : ''
    }`,
    nextSteps: [
      ...(deadline
        ? []
        : [
            `You can sign up for ${lacks} in the next General Enrollment Period, from ${plainDate(gep.start)} to ${plainDate(gep.end)}.`,
          ]),
      JOB_COVERAGE,
      APPLY,
    ],
    actionRequired: deadline !== null,
    actionDeadline: deadline,
    lastChangedOn: record.changedOn,
  });
}
