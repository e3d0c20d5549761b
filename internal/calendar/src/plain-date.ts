import { parseIsoDate, type IsoDate, type YearMonth } from './calendar.js';

// Spelled out rather than Intl: the words are part of the answers (tests compare them exactly), so
// they must not depend on the ICU data or default locale a Node build happens to carry.
const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2026-09-15` as residents read it in a sentence: "September 15, 2026". Throws on a date that does not exist. */
export function plainDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${monthNames[month - 1]} ${day}, ${year}`;
}

/** `{ year: 2028, month: 8 }` as "August 2028": benefits are paid by the month, so many answers are months. */
export function plainMonth({ year, month }: YearMonth): string {
  const name = Number.isInteger(month) ? monthNames[month - 1] : undefined;
  if (name === undefined) throw new RangeError(`not a month: ${year}-${month}`);
  return `${name} ${year}`;
}
