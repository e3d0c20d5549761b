/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) in UTC. Benefit rules are stated in calendar
 * months and days, never in time zones, so dates stay strings and never pass through local time.
 */

export type IsoDate = string;

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a real date: ${date}`);
  }
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const target = addToYearMonth({ year, month }, months);
  return formatIsoDate(
    target.year,
    target.month,
    Math.min(day, daysInMonth(target.year, target.month)),
  );
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function addToYearMonth(ym: YearMonth, months: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function firstDayOf(ym: YearMonth): IsoDate {
  return formatIsoDate(ym.year, ym.month, 1);
}

export function lastDayOf(ym: YearMonth): IsoDate {
  return formatIsoDate(ym.year, ym.month, daysInMonth(ym.year, ym.month));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Age in whole years on `on` for someone born on `birthDate` (birthday not yet reached = younger). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** The source of "today"; injected everywhere so tests and seeds can pin a date. */
export interface Clock {
  today(): IsoDate;
}

/**
 * Where "today" is decided when nothing pins it. Federal deadlines are mostly stated in Eastern time,
 * and a UTC date would turn over at 7–8 pm on the East Coast, moving every deadline a day early.
 */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** Today's date in `timeZone` (an IANA name); throws RangeError for an unknown zone. */
export function systemClock(timeZone: string = DEFAULT_TIME_ZONE): Clock {
  // en-CA formats as YYYY-MM-DD.
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return { today: () => format.format(new Date()) };
}

/** A clock stuck on `date`: what tests and pinned demos use. */
export function fixedClock(date: IsoDate): Clock {
  parseIsoDate(date);
  return { today: () => date };
}
