import { describe, expect, it } from 'vitest';
import {
  fullRetirementAge,
  fullRetirementDate,
  fullRetirementMonth,
  monthReachingAge,
} from './retirement-age.js';

describe('fullRetirementAge', () => {
  it.each([
    ['1943-06-15', 66, 0],
    ['1954-12-31', 66, 0],
    ['1955-01-02', 66, 2],
    ['1956-07-10', 66, 4],
    ['1957-07-10', 66, 6],
    ['1958-07-10', 66, 8],
    ['1959-07-10', 66, 10],
    ['1959-12-31', 66, 10],
    ['1960-01-02', 67, 0],
    ['1985-11-22', 67, 0],
  ])('born %s: %i and %i months', (birthDate, years, months) => {
    expect(fullRetirementAge(birthDate)).toEqual({ years, months });
  });

  it('uses the prior year for a January 1 birthday (1954/1955 and 1959/1960 boundaries)', () => {
    expect(fullRetirementAge('1955-01-01')).toEqual({ years: 66, months: 0 });
    expect(fullRetirementAge('1955-01-02')).toEqual({ years: 66, months: 2 });
    expect(fullRetirementAge('1960-01-01')).toEqual({ years: 66, months: 10 });
    expect(fullRetirementAge('1960-01-02')).toEqual({ years: 67, months: 0 });
  });

  it('follows SSA’s table for birth years before 1943', () => {
    expect(fullRetirementAge('1937-05-05')).toEqual({ years: 65, months: 0 });
    expect(fullRetirementAge('1938-05-05')).toEqual({ years: 65, months: 2 });
    expect(fullRetirementAge('1942-05-05')).toEqual({ years: 65, months: 10 });
  });
});

describe('fullRetirementMonth and fullRetirementDate', () => {
  it('adds the full retirement age to the birth month', () => {
    expect(fullRetirementMonth('1961-08-15')).toEqual({ year: 2028, month: 8 });
    expect(fullRetirementDate('1961-08-15')).toBe('2028-08-01');
    // 66 and 10 months: born July 1959 → May 2026.
    expect(fullRetirementMonth('1959-07-10')).toEqual({ year: 2026, month: 5 });
  });

  it('is a month earlier for someone born on the 1st', () => {
    expect(fullRetirementDate('1960-09-01')).toBe('2027-08-01');
    expect(fullRetirementDate('1960-09-02')).toBe('2027-09-01');
  });

  it('handles a January 1 birthday across the 1959/1960 boundary', () => {
    // Treated as born December 1959: 66 and 10 months → October 2026, not January 2027.
    expect(fullRetirementDate('1960-01-01')).toBe('2026-10-01');
    expect(fullRetirementDate('1960-01-02')).toBe('2027-01-01');
  });

  it('handles a January 1 birthday across the 1954/1955 boundary', () => {
    // Treated as born December 1954: 66 → December 2020.
    expect(fullRetirementDate('1955-01-01')).toBe('2020-12-01');
    // Born January 1955: 66 and 2 months → March 2021.
    expect(fullRetirementDate('1955-01-02')).toBe('2021-03-01');
  });
});

describe('monthReachingAge', () => {
  it('is the birth month plus the age', () => {
    expect(monthReachingAge('1961-08-15', { years: 62, months: 0 })).toEqual({
      year: 2023,
      month: 8,
    });
  });

  it('is a month earlier for someone born on the 1st, across a year end', () => {
    expect(monthReachingAge('1964-01-01', { years: 62, months: 0 })).toEqual({
      year: 2025,
      month: 12,
    });
  });
});
