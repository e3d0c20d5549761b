import { addToYearMonth, parseIsoDate, type IsoDate, type YearMonth } from './calendar.js';

/** The month `date` falls in: `2026-06-15` is June 2026. */
export function yearMonthOf(date: IsoDate): YearMonth {
  const { year, month } = parseIsoDate(date);
  return { year, month };
}

/**
 * Whole calendar months from `from` to `to`, negative when `to` is earlier: from August 2026 to
 * January 2027 is 5. The inverse of `addToYearMonth`: `addToYearMonth(from, monthsBetween(from, to))`
 * is `to`.
 */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/**
 * The birth month Social Security and Medicare count ages from. A person reaches an age on the day
 * before their birthday, so someone born on the 1st of a month reaches every age in the month
 * before: born on August 1, 1961, they are treated as born in July 1961, and born on January 1 as
 * born in December of the year before (SSA's "born on January 1, use the prior year").
 */
export function birthMonthForBenefitRules(birthDate: IsoDate): YearMonth {
  const { year, month, day } = parseIsoDate(birthDate);
  return addToYearMonth({ year, month }, day === 1 ? -1 : 0);
}
