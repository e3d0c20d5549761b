import { describe, expect, it } from 'vitest';
import {
  EXPEDITE_FEE_DOLLARS,
  expectedProcessingWindow,
  processingTimeInWords,
} from './processing-time.js';

describe('expectedProcessingWindow', () => {
  it('expects a routine application 4 to 6 weeks after it was received', () => {
    expect(expectedProcessingWindow('2026-05-01', false)).toEqual({
      expectedFrom: '2026-05-29',
      expectedBy: '2026-06-12',
    });
  });

  it('expects an expedited application 2 to 3 weeks after it was received', () => {
    expect(expectedProcessingWindow('2026-05-01', true)).toEqual({
      expectedFrom: '2026-05-15',
      expectedBy: '2026-05-22',
    });
  });

  it('crosses a year end', () => {
    expect(expectedProcessingWindow('2026-12-20', false)).toEqual({
      expectedFrom: '2027-01-17',
      expectedBy: '2027-01-31',
    });
  });

  it('says the times in words, and the expedite fee is $60', () => {
    expect(processingTimeInWords(false)).toBe('about 4 to 6 weeks');
    expect(processingTimeInWords(true)).toBe('about 2 to 3 weeks');
    expect(EXPEDITE_FEE_DOLLARS).toBe(60);
  });
});
