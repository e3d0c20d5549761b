import { addDays, type IsoDate } from '@resident-graph/calendar';

/** Routine passport processing: about 4 to 6 weeks (travel.state.gov). */
export const ROUTINE_PROCESSING_WEEKS = { from: 4, to: 6 } as const;
/** Expedited passport processing: about 2 to 3 weeks, for an extra fee. */
export const EXPEDITED_PROCESSING_WEEKS = { from: 2, to: 3 } as const;
/** The expedite fee in whole dollars, on top of the application fee. */
export const EXPEDITE_FEE_DOLLARS = 60;

export interface ProcessingWindow {
  expectedFrom: IsoDate;
  expectedBy: IsoDate;
}

/**
 * When a passport application submitted on `submittedOn` is expected to be done. Published times
 * count from when the application is received and do not include mailing time either way.
 */
export function expectedProcessingWindow(
  submittedOn: IsoDate,
  expedited: boolean,
): ProcessingWindow {
  const weeks = expedited ? EXPEDITED_PROCESSING_WEEKS : ROUTINE_PROCESSING_WEEKS;
  return {
    expectedFrom: addDays(submittedOn, weeks.from * 7),
    expectedBy: addDays(submittedOn, weeks.to * 7),
  };
}

/** "about 4 to 6 weeks" / "about 2 to 3 weeks", for sentences. */
export function processingTimeInWords(expedited: boolean): string {
  const weeks = expedited ? EXPEDITED_PROCESSING_WEEKS : ROUTINE_PROCESSING_WEEKS;
  return `about ${weeks.from} to ${weeks.to} weeks`;
}
