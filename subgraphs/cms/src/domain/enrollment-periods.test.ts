import { describe, expect, it } from 'vitest';
import {
  generalEnrollmentPeriod,
  initialEnrollmentPeriod,
  isWithin,
  turning65Month,
} from './enrollment-periods.js';

describe('initialEnrollmentPeriod', () => {
  it('is the 3 months before the 65th-birthday month, that month and the 3 after', () => {
    expect(initialEnrollmentPeriod('1961-08-15')).toEqual({
      start: '2026-05-01',
      end: '2026-11-30',
    });
  });

  it('starts and ends one month earlier for someone born on the 1st', () => {
    expect(turning65Month('1961-08-01')).toEqual({ year: 2026, month: 7 });
    expect(initialEnrollmentPeriod('1961-08-01')).toEqual({
      start: '2026-04-01',
      end: '2026-10-31',
    });
    expect(initialEnrollmentPeriod('1961-08-02')).toEqual({
      start: '2026-05-01',
      end: '2026-11-30',
    });
  });

  it('is not shifted for a birthday on the last day of a month', () => {
    expect(initialEnrollmentPeriod('1961-08-31')).toEqual({
      start: '2026-05-01',
      end: '2026-11-30',
    });
    expect(initialEnrollmentPeriod('1964-02-29')).toEqual({
      start: '2028-11-01',
      end: '2029-05-31',
    });
  });

  it('starts in the previous October for a January birthday', () => {
    expect(initialEnrollmentPeriod('1962-01-20')).toEqual({
      start: '2026-10-01',
      end: '2027-04-30',
    });
  });

  it('treats a January 1 birthday as December of the year before', () => {
    expect(initialEnrollmentPeriod('1962-01-01')).toEqual({
      start: '2026-09-01',
      end: '2027-03-31',
    });
  });

  it('ends in March for a December birthday', () => {
    expect(initialEnrollmentPeriod('1961-12-10')).toEqual({
      start: '2026-09-01',
      end: '2027-03-31',
    });
  });

  it('ends on February 29 in a leap year', () => {
    // Born November 1962: IEP August 2027 – February 2028.
    expect(initialEnrollmentPeriod('1962-11-20').end).toBe('2028-02-29');
  });
});

describe('generalEnrollmentPeriod', () => {
  it('is January 1 – March 31 of next year after March', () => {
    expect(generalEnrollmentPeriod('2026-06-15')).toEqual({
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(generalEnrollmentPeriod('2026-04-01')).toEqual({
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(generalEnrollmentPeriod('2026-12-31')).toEqual({
      start: '2027-01-01',
      end: '2027-03-31',
    });
  });

  it('is this year’s while it is open', () => {
    expect(generalEnrollmentPeriod('2027-01-01')).toEqual({
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(generalEnrollmentPeriod('2027-03-31')).toEqual({
      start: '2027-01-01',
      end: '2027-03-31',
    });
  });
});

describe('isWithin', () => {
  it('includes both ends', () => {
    const window = { start: '2026-05-01', end: '2026-11-30' };
    expect(isWithin('2026-05-01', window)).toBe(true);
    expect(isWithin('2026-11-30', window)).toBe(true);
    expect(isWithin('2026-04-30', window)).toBe(false);
    expect(isWithin('2026-12-01', window)).toBe(false);
  });
});
