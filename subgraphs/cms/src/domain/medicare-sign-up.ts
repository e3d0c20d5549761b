import {
  addToYearMonth,
  firstDayOf,
  plainDate,
  yearMonthOf,
  type IsoDate,
} from '@resident-graph/calendar';
import {
  generalEnrollmentPeriod,
  initialEnrollmentPeriod,
  isWithin,
  turning65Month,
} from './enrollment-periods.js';

export type SignUpWindow =
  | { open: true; period: 'IEP' | 'GEP'; coverageStartsOn: IsoDate }
  | { open: false; opensOn: IsoDate; reason: string };

/**
 * Whether a resident can sign up for Medicare Parts A and B today, and when coverage would start:
 * in the Initial Enrollment Period, coverage starts the month they turn 65 if they sign up before
 * it, else the month after they sign up; in the General Enrollment Period (January to March, after
 * the IEP), the month after they sign up. Outside both, when the next one opens.
 */
export function medicareSignUpWindow(birthDate: IsoDate, today: IsoDate): SignUpWindow {
  const iep = initialEnrollmentPeriod(birthDate);
  const nextMonth = firstDayOf(addToYearMonth(yearMonthOf(today), 1));
  if (isWithin(today, iep)) {
    const month65 = firstDayOf(turning65Month(birthDate));
    return { open: true, period: 'IEP', coverageStartsOn: today < month65 ? month65 : nextMonth };
  }
  if (today < iep.start) {
    return {
      open: false,
      opensOn: iep.start,
      reason: `Your Initial Enrollment Period opens on ${plainDate(iep.start)}, 3 months before the month you turn 65, and runs to ${plainDate(iep.end)}. Sign up then.`,
    };
  }
  const gep = generalEnrollmentPeriod(today);
  if (isWithin(today, gep)) return { open: true, period: 'GEP', coverageStartsOn: nextMonth };
  return {
    open: false,
    opensOn: gep.start,
    reason: `Your Initial Enrollment Period has ended. You can sign up in the General Enrollment Period, from ${plainDate(gep.start)} to ${plainDate(gep.end)}; Part B may cost more for each full year you went without it. If you have health coverage through current work, a Special Enrollment Period may let you sign up sooner: call Social Security at 1-800-772-1213.`,
  };
}
