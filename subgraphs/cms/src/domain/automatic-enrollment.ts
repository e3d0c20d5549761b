import { monthsBetween, yearMonthOf, type IsoDate } from '@resident-graph/calendar';
import { turning65Month } from './enrollment-periods.js';

/** Months before turning 65 by which Social Security benefits must have started. */
export const AUTOMATIC_ENROLLMENT_LEAD_MONTHS = 4;

/**
 * Someone already getting Social Security benefits at least 4 months before they turn 65 is enrolled
 * in Part A and Part B automatically, from the first day of the month they turn 65. CMS learns the
 * benefit start from SSA (in reality an SSA-to-CMS data exchange; here the seed passes it along).
 */
export function isEnrolledAutomatically(
  birthDate: IsoDate,
  benefitsStartedOn: IsoDate | null,
): boolean {
  if (!benefitsStartedOn) return false;
  return (
    monthsBetween(yearMonthOf(benefitsStartedOn), turning65Month(birthDate)) >=
    AUTOMATIC_ENROLLMENT_LEAD_MONTHS
  );
}
