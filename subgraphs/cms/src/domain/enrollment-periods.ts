import {
  addToYearMonth,
  birthMonthForBenefitRules,
  firstDayOf,
  lastDayOf,
  parseIsoDate,
  type IsoDate,
  type YearMonth,
} from '@resident-graph/calendar';

/** A window of whole days, both ends included. */
export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

export const MEDICARE_AGE = 65;

export function isWithin(date: IsoDate, window: DateWindow): boolean {
  return window.start <= date && date <= window.end;
}

/**
 * The month Medicare counts as the month the resident turns 65. A person reaches an age the day
 * before their birthday, so someone born on the 1st turns 65 in the month before. This is the real
 * SSA/CMS rule: "If your birthday is on the first day of the month, your Initial Enrollment Period
 * starts one month earlier" (and ends one month earlier, since it is the same 7 months shifted).
 */
export function turning65Month(birthDate: IsoDate): YearMonth {
  return addToYearMonth(birthMonthForBenefitRules(birthDate), MEDICARE_AGE * 12);
}

/**
 * Initial Enrollment Period: 7 months, the 3 before the month of the 65th birthday, that month and the
 * 3 after; from the first day of the first month to the last day of the last.
 */
export function initialEnrollmentPeriod(birthDate: IsoDate): DateWindow {
  const month65 = turning65Month(birthDate);
  return {
    start: firstDayOf(addToYearMonth(month65, -3)),
    end: lastDayOf(addToYearMonth(month65, 3)),
  };
}

/** The General Enrollment Period (January 1 – March 31) that is open today, or else the next one. */
export function generalEnrollmentPeriod(today: IsoDate): DateWindow {
  const { year, month } = parseIsoDate(today);
  const gepYear = month <= 3 ? year : year + 1;
  return { start: `${gepYear}-01-01`, end: `${gepYear}-03-31` };
}
