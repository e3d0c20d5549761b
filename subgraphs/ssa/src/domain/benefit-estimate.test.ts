import { describe, expect, it } from 'vitest';
import {
  benefitEstimates,
  benefitFactor,
  monthlyBenefit,
  percentOfFullBenefit,
} from './benefit-estimate.js';

describe('percentOfFullBenefit', () => {
  it('is 100 at full retirement age', () => {
    expect(percentOfFullBenefit(0)).toBe(100);
  });

  it('takes 5/9 of 1% a month for the first 36 months early', () => {
    expect(percentOfFullBenefit(-1)).toBe(99.44);
    expect(percentOfFullBenefit(-12)).toBe(93.33);
    expect(percentOfFullBenefit(-36)).toBe(80);
  });

  it('takes 5/12 of 1% a month beyond 36 months early', () => {
    expect(percentOfFullBenefit(-37)).toBe(79.58);
    expect(percentOfFullBenefit(-48)).toBe(75);
  });

  it('is 70.0% at 62 with a full retirement age of 67 (60 months early)', () => {
    expect(percentOfFullBenefit(-60)).toBe(70);
  });

  it('is 124% at 70 with a full retirement age of 67 (36 months of 2/3 of 1%)', () => {
    expect(percentOfFullBenefit(36)).toBe(124);
    expect(percentOfFullBenefit(12)).toBe(108);
  });

  it('handles a full retirement age of 66 and 10 months', () => {
    // 62: 58 months early = 36 × 5/9% + 22 × 5/12% = 20% + 9.1667%.
    expect(percentOfFullBenefit(62 * 12 - (66 * 12 + 10))).toBe(70.83);
    // 66: 10 months early.
    expect(percentOfFullBenefit(66 * 12 - (66 * 12 + 10))).toBe(94.44);
    // 67: 2 months late.
    expect(percentOfFullBenefit(67 * 12 - (66 * 12 + 10))).toBe(101.33);
    // 70: 38 months late = 25.33%.
    expect(percentOfFullBenefit(70 * 12 - (66 * 12 + 10))).toBe(125.33);
  });

  it('refuses fractions of a month', () => {
    expect(() => benefitFactor(1.5)).toThrow(RangeError);
  });
});

describe('monthlyBenefit', () => {
  it('is exact where the percentage is (no floating-point shortfall)', () => {
    expect(monthlyBenefit(2100, -60)).toBe(1470);
    expect(monthlyBenefit(2100, 36)).toBe(2604);
    expect(monthlyBenefit(1000, -60)).toBe(700);
  });

  it('rounds down to the whole dollar', () => {
    // 1850 × 70.8333% = 1310.42 → 1310; 1850 × 125.3333% = 2318.67 → 2318.
    expect(monthlyBenefit(1850, -58)).toBe(1310);
    expect(monthlyBenefit(1850, 38)).toBe(2318);
    // 999 × 93.3333% = 932.40 → 932.
    expect(monthlyBenefit(999, -12)).toBe(932);
  });
});

describe('benefitEstimates', () => {
  it('lists ages 62 to 70 for a full retirement age of 67', () => {
    const estimates = benefitEstimates('1961-08-15', 2100);
    expect(estimates.map((e) => e.claimingAge)).toEqual([62, 63, 64, 65, 66, 67, 68, 69, 70]);
    expect(estimates.map((e) => e.percentOfFullBenefit)).toEqual([
      70, 75, 80, 86.67, 93.33, 100, 108, 116, 124,
    ]);
    expect(estimates.map((e) => e.monthlyAmount)).toEqual([
      1470, 1575, 1680, 1820, 1960, 2100, 2268, 2436, 2604,
    ]);
    expect(estimates[0]?.startsOn).toBe('2023-08-01');
    expect(estimates[8]?.startsOn).toBe('2031-08-01');
  });

  it('uses the full retirement age of 66 and 10 months for someone born in 1959', () => {
    const estimates = benefitEstimates('1959-07-10', 1850);
    expect(estimates[0]).toEqual({
      claimingAge: 62,
      startsOn: '2021-07-01',
      monthlyAmount: 1310,
      percentOfFullBenefit: 70.83,
    });
    expect(estimates[8]).toEqual({
      claimingAge: 70,
      startsOn: '2029-07-01',
      monthlyAmount: 2318,
      percentOfFullBenefit: 125.33,
    });
  });

  it('counts someone born January 1, 1960 as born in 1959 (66 and 10 months), a month earlier', () => {
    const estimates = benefitEstimates('1960-01-01', 1850);
    expect(estimates[0]).toMatchObject({ startsOn: '2021-12-01', percentOfFullBenefit: 70.83 });
    expect(benefitEstimates('1960-01-02', 1850)[0]).toMatchObject({
      startsOn: '2022-01-01',
      percentOfFullBenefit: 70,
    });
  });

  it('starts each age a month earlier for someone born on the 1st', () => {
    expect(benefitEstimates('1961-08-01', 2100)[0]?.startsOn).toBe('2023-07-01');
  });

  it('is empty for people born before 1943, whose delayed credits followed older rules', () => {
    expect(benefitEstimates('1940-03-03', 1500)).toEqual([]);
    expect(benefitEstimates('1943-01-01', 1500)).toEqual([]);
    expect(benefitEstimates('1943-01-02', 1500)).toHaveLength(9);
  });
});
