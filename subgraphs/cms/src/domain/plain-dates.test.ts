import { describe, expect, it } from 'vitest';
import { longDate, monthAndYear } from './plain-dates.js';

describe('plain dates', () => {
  it('reads as a resident would say it', () => {
    expect(longDate('2026-11-30')).toBe('November 30, 2026');
    expect(longDate('2027-01-01')).toBe('January 1, 2027');
    expect(monthAndYear({ year: 2028, month: 8 })).toBe('August 2028');
  });
});
