import { parseIsoDate, type IsoDate } from '@resident-graph/calendar';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** `2026-09-15` as residents read it in a sentence: "September 15, 2026". */
export function plainDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}
