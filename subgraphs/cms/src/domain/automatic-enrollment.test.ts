import { describe, expect, it } from 'vitest';
import { isEnrolledAutomatically } from './automatic-enrollment.js';

describe('isEnrolledAutomatically', () => {
  // Turns 65 in August 2026.
  const birthDate = '1961-08-15';

  it('is true when benefits started exactly 4 months before the month of turning 65', () => {
    expect(isEnrolledAutomatically(birthDate, '2026-04-01')).toBe(true);
  });

  it('is false when benefits started only 3 months before', () => {
    expect(isEnrolledAutomatically(birthDate, '2026-05-01')).toBe(false);
  });

  it('is true for benefits from 62, false without benefits', () => {
    expect(isEnrolledAutomatically(birthDate, '2023-08-01')).toBe(true);
    expect(isEnrolledAutomatically(birthDate, null)).toBe(false);
  });

  it('counts from the month before for someone born on the 1st', () => {
    // Born September 1, 1961: turns 65 in August 2026, so April is 4 months before.
    expect(isEnrolledAutomatically('1961-09-01', '2026-04-01')).toBe(true);
    expect(isEnrolledAutomatically('1961-09-01', '2026-05-01')).toBe(false);
  });

  it('counts across a year end', () => {
    // Turns 65 in February 2027: October 2026 is 4 months before.
    expect(isEnrolledAutomatically('1962-02-10', '2026-10-01')).toBe(true);
    expect(isEnrolledAutomatically('1962-02-10', '2026-11-01')).toBe(false);
  });
});
