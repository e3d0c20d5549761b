import { describe, expect, it } from 'vitest';
import { addToYearMonth, birthMonthForBenefitRules, monthsBetween, yearMonthOf } from './index.js';

describe('yearMonthOf', () => {
  it('is the month a date falls in, on its first and last day too', () => {
    expect(yearMonthOf('2026-06-15')).toEqual({ year: 2026, month: 6 });
    expect(yearMonthOf('2026-01-01')).toEqual({ year: 2026, month: 1 });
    expect(yearMonthOf('2026-12-31')).toEqual({ year: 2026, month: 12 });
    expect(yearMonthOf('2028-02-29')).toEqual({ year: 2028, month: 2 });
  });

  it('refuses what is not a real date', () => {
    expect(() => yearMonthOf('2026-02-29')).toThrow(RangeError);
    expect(() => yearMonthOf('2026-6-15')).toThrow(RangeError);
  });
});

describe('monthsBetween', () => {
  it('counts calendar months, across a year end, and backwards', () => {
    expect(monthsBetween({ year: 2026, month: 8 }, { year: 2027, month: 1 })).toBe(5);
    expect(monthsBetween({ year: 2027, month: 1 }, { year: 2026, month: 8 })).toBe(-5);
    expect(monthsBetween({ year: 2026, month: 6 }, { year: 2026, month: 6 })).toBe(0);
    expect(monthsBetween({ year: 2009, month: 9 }, { year: 2012, month: 3 })).toBe(30);
  });

  it('undoes addToYearMonth', () => {
    const from = { year: 2026, month: 11 };
    for (const months of [-25, -12, -1, 0, 1, 2, 12, 13, 40]) {
      expect(monthsBetween(from, addToYearMonth(from, months))).toBe(months);
    }
  });
});

describe('birthMonthForBenefitRules', () => {
  it('is the birth month for anyone not born on the 1st', () => {
    expect(birthMonthForBenefitRules('1961-08-15')).toEqual({ year: 1961, month: 8 });
    expect(birthMonthForBenefitRules('1961-08-02')).toEqual({ year: 1961, month: 8 });
    expect(birthMonthForBenefitRules('1961-08-31')).toEqual({ year: 1961, month: 8 });
    expect(birthMonthForBenefitRules('1964-02-29')).toEqual({ year: 1964, month: 2 });
  });

  it('is the month before for someone born on the 1st', () => {
    expect(birthMonthForBenefitRules('1961-08-01')).toEqual({ year: 1961, month: 7 });
    expect(birthMonthForBenefitRules('1964-03-01')).toEqual({ year: 1964, month: 2 });
  });

  it('is December of the year before for someone born on January 1', () => {
    expect(birthMonthForBenefitRules('1960-01-01')).toEqual({ year: 1959, month: 12 });
  });
});
