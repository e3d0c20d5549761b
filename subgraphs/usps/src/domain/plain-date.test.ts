import { describe, expect, it } from 'vitest';
import { plainDate } from './plain-date.js';

describe('plainDate', () => {
  it('writes a date the way residents read it', () => {
    expect(plainDate('2026-09-05')).toBe('September 5, 2026');
    expect(plainDate('2028-02-29')).toBe('February 29, 2028');
  });

  it('refuses a date that does not exist', () => {
    expect(() => plainDate('2026-02-30')).toThrow(RangeError);
  });
});
