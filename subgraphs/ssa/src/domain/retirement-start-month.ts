import {
  addToYearMonth,
  plainMonth,
  yearMonthOf,
  type IsoDate,
  type YearMonth,
} from '@resident-graph/calendar';
import { monthReachingAge, EARLIEST_CLAIMING_AGE, LATEST_CLAIMING_AGE } from './retirement-age.js';
import { APPLY_MONTHS_AHEAD } from './retirement-application-status.js';

const compare = (a: YearMonth, b: YearMonth) => a.year * 12 + a.month - (b.year * 12 + b.month);
const later = (a: YearMonth, b: YearMonth) => (compare(a, b) >= 0 ? a : b);
const earlier = (a: YearMonth, b: YearMonth) => (compare(a, b) <= 0 ? a : b);
export const formatYearMonth = ({ year, month }: YearMonth) =>
  `${year}-${String(month).padStart(2, '0')}`;

/**
 * The months a resident applying today may ask benefits to start: from the month they reach 62
 * (not before this month: no start in the past through the graph) to the month they reach 70
 * (waiting longer earns nothing more), and at most 4 months ahead, because SSA takes an
 * application up to 4 months before benefits start. Null when no month qualifies today; `opensOn`
 * then says when the resident can apply.
 */
export function retirementStartMonths(
  birthDate: IsoDate,
  today: IsoDate,
): { earliest: YearMonth; latest: YearMonth } | { opensIn: YearMonth } | { closed: true } {
  const thisMonth = yearMonthOf(today);
  const at62 = monthReachingAge(birthDate, { years: EARLIEST_CLAIMING_AGE, months: 0 });
  const at70 = monthReachingAge(birthDate, { years: LATEST_CLAIMING_AGE, months: 0 });
  const earliest = later(thisMonth, at62);
  const latest = earlier(addToYearMonth(thisMonth, APPLY_MONTHS_AHEAD), at70);
  if (compare(thisMonth, at70) > 0) return { closed: true };
  if (compare(earliest, latest) > 0) return { opensIn: addToYearMonth(at62, -APPLY_MONTHS_AHEAD) };
  return { earliest, latest };
}

/** Why `startMonth` is not allowed, in plain words; null when it is. */
export function startMonthRefusal(
  startMonth: YearMonth,
  birthDate: IsoDate,
  today: IsoDate,
): { reason: string; earliest: string | null; latest: string | null } | null {
  const months = retirementStartMonths(birthDate, today);
  if ('closed' in months) {
    return {
      reason:
        'You are past 70: there is no start month to choose. Call Social Security at 1-800-772-1213 to apply.',
      earliest: null,
      latest: null,
    };
  }
  if ('opensIn' in months) {
    return {
      reason: `You can apply from ${plainMonth(months.opensIn)}: benefits can start the month you reach 62, and Social Security takes an application up to 4 months before.`,
      earliest: null,
      latest: null,
    };
  }
  const { earliest, latest } = months;
  if (compare(startMonth, earliest) >= 0 && compare(startMonth, latest) <= 0) return null;
  const range = `between ${plainMonth(earliest)} and ${plainMonth(latest)}`;
  const why =
    compare(startMonth, yearMonthOf(today)) < 0
      ? `${plainMonth(startMonth)} is in the past.`
      : compare(startMonth, earliest) < 0
        ? `Benefits can start no earlier than the month you reach 62.`
        : `Social Security takes an application at most 4 months before benefits start, and waiting past 70 earns nothing more.`;
  return {
    reason: `${why} Choose a start month ${range}.`,
    earliest: formatYearMonth(earliest),
    latest: formatYearMonth(latest),
  };
}
