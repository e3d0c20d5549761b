import { addDays, addMonths, addYears, type IsoDate } from '@resident-graph/calendar';

/**
 * The days a life event is under way, both ends inclusive. Every window is a pure function of one
 * date (the 65th birthday, the child's birth, the move), so whether an event is active is decided
 * when it is asked, against `clock.today()`, and changes with the day without any stored state.
 */
export interface LifeEventWindow {
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/**
 * TURNING_65: the 65th birthday is within the next 12 months or the past 6. That covers Medicare's
 * 7-month Initial Enrollment Period (3 months either side of the birthday month) with time to
 * prepare before it and to catch up after it.
 */
export function turning65Window(birthDate: IsoDate): LifeEventWindow {
  // addYears/addMonths clamp to the month's length, so a February 29 birth has a 65th birthday on
  // February 28 in a common year.
  const birthday65 = addYears(birthDate, 65);
  return { startsOn: addMonths(birthday65, -12), endsOn: addMonths(birthday65, 6) };
}

/**
 * HAVING_A_CHILD: the child's first year, from the birth until their first birthday (the last day
 * is the day before it). That is the period the journey's services cover: the newborn's Social
 * Security number, the first passport, and the child tax credit for the year of birth. Nothing in
 * the journey can be done before the birth, so a resident who tells us of a child on the way sees
 * the journey active from the day the child is due.
 */
export function havingAChildWindow(childBirthDate: IsoDate): LifeEventWindow {
  return { startsOn: childBirthDate, endsOn: addDays(addYears(childBirthDate, 1), -1) };
}

/**
 * MOVING: from 3 months before the move date (USPS takes forwarding requests up to 3 months ahead,
 * and the IRS and SSA need telling too) until 12 months after it: mail is forwarded for 12 months,
 * so the last day is the day before the move's first anniversary, the same last day USPS reports
 * as `MailForwarding.forwardingEndsOn`.
 */
export function movingWindow(moveDate: IsoDate): LifeEventWindow {
  return { startsOn: addMonths(moveDate, -3), endsOn: addDays(addMonths(moveDate, 12), -1) };
}

/**
 * LEAVING_MILITARY: from 180 days before the separation date, when a disability claim can first be
 * filed through Benefits Delivery at Discharge, until one year after it, the last day a claim gets
 * compensation counted from the day after separation. The GI Bill and VA health care last longer,
 * but the journey's deadlines all fall inside this year and a half.
 */
export function leavingMilitaryWindow(separationOn: IsoDate): LifeEventWindow {
  return { startsOn: addDays(separationOn, -180), endsOn: addYears(separationOn, 1) };
}

/** Whether `today` falls within `window`. */
export function isWithin(window: LifeEventWindow, today: IsoDate): boolean {
  return window.startsOn <= today && today <= window.endsOn;
}
