import { parseIsoDate, type IsoDate } from '@resident-graph/calendar';

// UTC on both ends: the date is a calendar date, so no time zone may shift it by a day.
const LONG_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** `2026-09-15` as residents read it in a sentence: "September 15, 2026". */
export function plainDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return LONG_DATE.format(Date.UTC(year, month - 1, day));
}
