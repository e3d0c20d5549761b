import { describe, expect, it } from 'vitest';
import { plainDate, plainMonth } from './index.js';

describe('plainDate', () => {
  it('writes a date the way residents read it, with no leading zero on the day', () => {
    expect(plainDate('2026-09-05')).toBe('September 5, 2026');
    expect(plainDate('2026-11-30')).toBe('November 30, 2026');
  });

  it('keeps the first and last day of the year in their own year (no time zone shifts them)', () => {
    expect(plainDate('2026-01-01')).toBe('January 1, 2026');
    expect(plainDate('2026-12-31')).toBe('December 31, 2026');
  });

  it('writes a leap day and refuses one in a common year', () => {
    expect(plainDate('2028-02-29')).toBe('February 29, 2028');
    expect(() => plainDate('2026-02-29')).toThrow(RangeError);
  });

  it('refuses what is not an ISO date', () => {
    expect(() => plainDate('2026-02-30')).toThrow(RangeError);
    expect(() => plainDate('2026-9-5')).toThrow(RangeError);
  });
});

describe('plainMonth', () => {
  it('writes a month and year', () => {
    expect(plainMonth({ year: 2028, month: 8 })).toBe('August 2028');
    expect(plainMonth({ year: 2026, month: 1 })).toBe('January 2026');
    expect(plainMonth({ year: 2026, month: 12 })).toBe('December 2026');
  });

  it('refuses a month outside 1–12', () => {
    expect(() => plainMonth({ year: 2026, month: 0 })).toThrow(RangeError);
    expect(() => plainMonth({ year: 2026, month: 13 })).toThrow(RangeError);
    expect(() => plainMonth({ year: 2026, month: 1.5 })).toThrow(RangeError);
  });
});
