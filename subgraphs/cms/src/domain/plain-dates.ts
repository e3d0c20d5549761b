import { parseIsoDate, type IsoDate, type YearMonth } from '@resident-graph/calendar';

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

/** "November 30, 2026": how a date reads in a sentence a resident sees. */
export function longDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${monthNames[month - 1]} ${day}, ${year}`;
}

/** "August 2028": benefits are paid by the month, so many answers are months, not days. */
export function monthAndYear({ year, month }: YearMonth): string {
  return `${monthNames[month - 1]} ${year}`;
}
