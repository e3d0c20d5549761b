import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import {
  addDays,
  addToYearMonth,
  firstDayOf,
  plainDate,
  plainMonth,
  yearMonthOf,
  type IsoDate,
} from '@resident-graph/calendar';
import type { SsaApplicationStatus } from '@resident-graph/personas';
import {
  EARLIEST_CLAIMING_AGE,
  LATEST_CLAIMING_AGE,
  fullRetirementMonth,
  monthReachingAge,
} from './retirement-age.js';

/** Every code a retirement application's status can carry: the stored ones, or NOT_STARTED. */
export type RetirementApplicationStatusCode = 'NOT_STARTED' | SsaApplicationStatus;
export const RetirementApplicationStatusCode: StatusCodes<RetirementApplicationStatusCode> = {
  NOT_STARTED: 'NOT_STARTED',
  RECEIVED: 'RECEIVED',
  DOCUMENTS_REQUESTED: 'DOCUMENTS_REQUESTED',
  IN_REVIEW: 'IN_REVIEW',
  DECIDED: 'DECIDED',
};

export interface RetirementApplicationFacts {
  status: SsaApplicationStatus;
  filedOn: IsoDate;
  changedOn: IsoDate;
}

/** Days a resident has to send documents SSA asked for, counted from the request. */
export const DOCUMENTS_DUE_DAYS = 30;
/** SSA takes an application up to 4 months before the month benefits are to start. */
export const APPLY_MONTHS_AHEAD = 4;

const steps: Record<SsaApplicationStatus, number> = {
  RECEIVED: 1,
  DOCUMENTS_REQUESTED: 2,
  IN_REVIEW: 3,
  DECIDED: 4,
};
const stepCount = 4;

export interface RetirementApplicationContext {
  today: IsoDate;
  /** Always sent: `status` `@requires` it, so a resident who has not applied is told the months. */
  birthDate: IsoDate;
  benefitsStartedOn: IsoDate | null;
}

/** Where a retirement application stands, in the words a resident sees. */
export function retirementApplicationStatus(
  application: RetirementApplicationFacts | null,
  context: RetirementApplicationContext,
): TaskStatus<RetirementApplicationStatusCode> {
  if (!application) return notStarted(context);
  const common = {
    step: steps[application.status],
    stepCount,
    lastChangedOn: application.changedOn,
  };
  const filed = plainDate(application.filedOn);
  switch (application.status) {
    case 'RECEIVED':
      return taskStatus({
        ...common,
        code: 'RECEIVED',
        label: 'Application received',
        description: `We received your application for retirement benefits, filed on ${filed}.`,
        nextSteps: [
          'We will check your application and tell you if we need any documents.',
          'You do not need to do anything now.',
        ],
      });
    case 'DOCUMENTS_REQUESTED': {
      const deadline = addDays(application.changedOn, DOCUMENTS_DUE_DAYS);
      return taskStatus({
        ...common,
        code: 'DOCUMENTS_REQUESTED',
        label: 'Documents needed',
        description: `We need documents from you before we can decide on your application. Send them by ${plainDate(deadline)}.`,
        nextSteps: [
          'Read the letter we sent you: it lists the documents we need.',
          'Mail the documents or bring them to a Social Security office. We return original documents.',
          `If you cannot send them by ${plainDate(deadline)}, call us to ask for more time.`,
        ],
        actionRequired: true,
        actionDeadline: deadline,
      });
    }
    case 'IN_REVIEW':
      return taskStatus({
        ...common,
        code: 'IN_REVIEW',
        label: 'In review',
        description: 'We have what we need and are reviewing your application.',
        nextSteps: [
          'We will send you a letter with our decision.',
          'You do not need to do anything now.',
        ],
      });
    case 'DECIDED': {
      const started = context.benefitsStartedOn
        ? ` Your benefits started in ${plainMonth(yearMonthOf(context.benefitsStartedOn))}.`
        : '';
      return taskStatus({
        ...common,
        code: 'DECIDED',
        label: 'Decision made',
        description: `We made a decision on your application and sent you a letter explaining it.${started}`,
        nextSteps: [
          'Keep the decision letter: it shows your monthly amount.',
          'If you disagree with the decision, you can ask us to look at it again within 60 days of getting the letter.',
        ],
      });
    }
  }
}

function notStarted({ today, birthDate }: RetirementApplicationContext): TaskStatus<'NOT_STARTED'> {
  const base = {
    code: RetirementApplicationStatusCode.NOT_STARTED,
    label: 'Not started',
  };
  const howToApply = 'Apply online at ssa.gov, by phone, or at a Social Security office.';
  const earliest = monthReachingAge(birthDate, { years: EARLIEST_CLAIMING_AGE, months: 0 });
  const applyFrom = firstDayOf(addToYearMonth(earliest, -APPLY_MONTHS_AHEAD));
  const full = fullRetirementMonth(birthDate);
  const latest = monthReachingAge(birthDate, { years: LATEST_CLAIMING_AGE, months: 0 });
  const waitMore = `and more if you wait, up to ${plainMonth(latest)} (age ${LATEST_CLAIMING_AGE}).`;
  // Never offer a start month that is already past: from 62 on, the earliest start is next month.
  const nextMonth = addToYearMonth(yearMonthOf(today), 1);
  const choice =
    today >= firstDayOf(full)
      ? `You can get your full benefit now, ${waitMore}`
      : today >= firstDayOf(earliest)
        ? `Benefits can start as soon as ${plainMonth(nextMonth)}, at a lower amount for life. You get your full benefit from ${plainMonth(full)}, ${waitMore}`
        : `Benefits can start as early as ${plainMonth(earliest)} (age ${EARLIEST_CLAIMING_AGE}), at a lower amount for life. You get your full benefit from ${plainMonth(full)}, ${waitMore}`;
  if (today < applyFrom) {
    return taskStatus({
      ...base,
      description: `You have not applied for retirement benefits. You can apply from ${plainMonth(yearMonthOf(applyFrom))}, ${APPLY_MONTHS_AHEAD} months before the earliest your benefits can start.`,
      nextSteps: [choice, howToApply],
    });
  }
  return taskStatus({
    ...base,
    description: `You have not applied for retirement benefits. You can apply now, up to ${APPLY_MONTHS_AHEAD} months before you want your benefits to start.`,
    nextSteps:
      today >= firstDayOf(latest)
        ? [
            `Your benefit stopped growing at age ${LATEST_CLAIMING_AGE}, so there is no reason to wait.`,
            howToApply,
          ]
        : [
            choice,
            'If you are close to 65, you can apply for Medicare in the same application.',
            howToApply,
          ],
  });
}
