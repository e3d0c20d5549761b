import { monthsBetween, yearMonthOf, type YearMonth } from '@resident-graph/calendar';
import type { DateWindow } from './enrollment-periods.js';

/** Percent added to the Part B premium for each full 12 months without Part B. */
export const PENALTY_PERCENT_PER_YEAR = 10;

/** The lifelong Part B late-enrollment penalty: 10% for each full 12 months without Part B. */
export function latePenaltyPercent(monthsWithoutPartB: number): number {
  return Math.floor(Math.max(0, monthsWithoutPartB) / 12) * PENALTY_PERCENT_PER_YEAR;
}

/**
 * Whole months without Part B after the Initial Enrollment Period ended, up to (not including)
 * `until`: the month coverage starts (since 2023, the month after signing up), or the current month
 * for someone still not enrolled. Medicare's own example: IEP ended September 30, 2009, signed up in
 * March 2012 — 30 months, two full 12-month periods, a 20% penalty.
 */
export function monthsWithoutPartB(initialEnrollmentPeriod: DateWindow, until: YearMonth): number {
  return Math.max(0, monthsBetween(yearMonthOf(initialEnrollmentPeriod.end), until) - 1);
}
