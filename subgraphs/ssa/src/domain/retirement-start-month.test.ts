import { describe, expect, it } from 'vitest';
import { retirementStartMonths, startMonthRefusal } from './retirement-start-month.js';

const month = (ym: string) => ({ year: Number(ym.slice(0, 4)), month: Number(ym.slice(5, 7)) });

describe('retirement start months', () => {
  it('runs from this month to 4 months ahead for someone between 62 and 70', () => {
    // Born 1961-08-15: 62 in August 2023, 70 in August 2031.
    expect(retirementStartMonths('1961-08-15', '2026-06-15')).toEqual({
      earliest: month('2026-06'),
      latest: month('2026-10'),
    });
    expect(startMonthRefusal(month('2026-10'), '1961-08-15', '2026-06-15')).toBeNull();
    expect(startMonthRefusal(month('2026-05'), '1961-08-15', '2026-06-15')).toMatchObject({
      earliest: '2026-06',
      latest: '2026-10',
    });
  });

  it('starts no earlier than the month of reaching 62 (born on the 1st: the month before)', () => {
    // Born 1964-11-01 reaches 62 in October 2026 under the benefit rules.
    expect(retirementStartMonths('1964-11-01', '2026-08-20')).toEqual({
      earliest: month('2026-10'),
      latest: month('2026-12'),
    });
    const refusal = startMonthRefusal(month('2026-09'), '1964-11-01', '2026-08-20');
    expect(refusal?.reason).toMatch(/no earlier than the month you reach 62/);
  });

  it('ends at the month of reaching 70, and says when someone younger can apply', () => {
    expect(retirementStartMonths('1956-07-10', '2026-05-01')).toEqual({
      earliest: month('2026-05'),
      latest: month('2026-07'),
    });
    expect(retirementStartMonths('1990-03-10', '2026-06-15')).toEqual({
      opensIn: month('2051-11'),
    });
  });
});
