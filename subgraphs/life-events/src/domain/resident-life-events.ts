import { addMonths, addYears, formatIsoDate, type IsoDate } from '@resident-graph/calendar';
import type { ResidentFacts } from '@resident-graph/personas';
import { LifeEventKind, lifeEventKinds } from './life-event-kind.js';

/**
 * One life event on a resident's calendar: it is active from `startedOn` through `endsOn`
 * (inclusive; `null` = until the records that show it go away). Stored as a window rather than as
 * a yes/no, because whether an event is active depends on the day it is asked, and the seed does
 * not know that day: a resident seeded as "turning 65 in two months" must stop being so later.
 */
export interface ResidentLifeEvent {
  kind: LifeEventKind;
  startedOn: IsoDate;
  endsOn: IsoDate | null;
}

/**
 * TURNING_65 is active while the 65th birthday is within the next 12 months or the past 6: that
 * covers Medicare's 7-month Initial Enrollment Period (3 months either side of the birthday month)
 * with time to prepare before it and to catch up after it.
 */
export function turning65(birthDate: IsoDate): ResidentLifeEvent {
  // addYears/addMonths clamp to the month's length, so a February 29 birth has a 65th birthday on
  // February 28 in a common year.
  const birthday65 = addYears(birthDate, 65);
  return {
    kind: LifeEventKind.TURNING_65,
    startedOn: addMonths(birthday65, -12),
    endsOn: addMonths(birthday65, 6),
  };
}

/**
 * The life events a resident's agency records show. TURNING_65 comes from the birth date alone,
 * so every resident has that window; HAVING_A_CHILD and MOVING exist only when an agency holds a
 * record of them, and last as long as it does.
 */
export function lifeEventsFromFacts(facts: ResidentFacts): ResidentLifeEvent[] {
  const events = [turning65(facts.identity.birthDate)];
  const child = childBornOn(facts);
  if (child) events.push({ kind: LifeEventKind.HAVING_A_CHILD, startedOn: child, endsOn: null });
  const move = moveStartedOn(facts);
  if (move) events.push({ kind: LifeEventKind.MOVING, startedOn: move, endsOn: null });
  return events;
}

/** Whether `event` is under way on `today`. */
export function isActiveOn(event: ResidentLifeEvent, today: IsoDate): boolean {
  return event.startedOn <= today && (event.endsOn === null || today <= event.endsOn);
}

/** The kinds of `events` under way on `today`, in catalog order. */
export function activeLifeEventKinds(
  events: readonly ResidentLifeEvent[],
  today: IsoDate,
): LifeEventKind[] {
  const active = new Set(
    events.filter((event) => isActiveOn(event, today)).map((event) => event.kind),
  );
  return lifeEventKinds.filter((kind) => active.has(kind));
}

/**
 * HAVING_A_CHILD when SSA holds a newborn's card request, the IRS a child tax credit, or State a
 * child's passport application. It starts on the latest child birth date the records give (the
 * child this journey is about); a credit without birth dates counts from its tax year.
 */
function childBornOn({ ssa, irs, state }: ResidentFacts): IsoDate | null {
  if (!ssa.newbornCard && !irs.childTaxCredit && !state.childApplication) return null;
  const births = [
    ssa.newbornCard?.birthDate,
    state.childApplication?.childBirthDate,
    ...(irs.childTaxCredit?.childBirthDates ?? []),
  ].filter((date): date is IsoDate => date !== undefined);
  if (births.length > 0) return latest(births);
  return irs.childTaxCredit ? formatIsoDate(irs.childTaxCredit.taxYear, 1, 1) : null;
}

/**
 * MOVING when a change of address is on file at USPS, the IRS (Form 8822) or SSA. It starts on the
 * earliest of those submissions: each agency needs its own, and the first one is when the move began.
 */
function moveStartedOn({ usps, irs, ssa }: ResidentFacts): IsoDate | null {
  const submitted = [
    usps.changeOfAddress?.submittedOn,
    irs.addressChange?.submittedOn,
    ssa.addressChange?.submittedOn,
  ].filter((date): date is IsoDate => date !== undefined);
  return submitted.length > 0 ? earliest(submitted) : null;
}

const latest = (dates: IsoDate[]) => dates.reduce((a, b) => (b > a ? b : a));
const earliest = (dates: IsoDate[]) => dates.reduce((a, b) => (b < a ? b : a));
