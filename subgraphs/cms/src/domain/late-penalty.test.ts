import { describe, expect, it } from 'vitest';
import { latePenaltyPercent, monthsWithoutPartB } from './late-penalty.js';

describe('latePenaltyPercent', () => {
  it.each([
    [0, 0],
    [11, 0],
    [12, 10],
    [23, 10],
    [24, 20],
    [30, 20],
    [36, 30],
  ])('%i months without Part B → %i%', (months, percent) => {
    expect(latePenaltyPercent(months)).toBe(percent);
  });

  it('is never negative', () => {
    expect(latePenaltyPercent(-5)).toBe(0);
  });
});

describe('monthsWithoutPartB', () => {
  it('reproduces Medicare’s example: IEP ended September 30, 2009, Part B from April 2012 → 30 months, 20%', () => {
    const months = monthsWithoutPartB(
      { start: '2009-03-01', end: '2009-09-30' },
      { year: 2012, month: 4 },
    );
    expect(months).toBe(30);
    expect(latePenaltyPercent(months)).toBe(20);
  });

  it('counts whole months after the IEP’s last month, before `until`', () => {
    const iep = { start: '2026-05-01', end: '2026-11-30' };
    expect(monthsWithoutPartB(iep, { year: 2026, month: 12 })).toBe(0);
    expect(monthsWithoutPartB(iep, { year: 2027, month: 11 })).toBe(11);
    expect(monthsWithoutPartB(iep, { year: 2027, month: 12 })).toBe(12);
    expect(monthsWithoutPartB(iep, { year: 2028, month: 11 })).toBe(23);
    expect(monthsWithoutPartB(iep, { year: 2028, month: 12 })).toBe(24);
  });

  it('is 0 for coverage that starts during the IEP', () => {
    expect(
      monthsWithoutPartB({ start: '2026-05-01', end: '2026-11-30' }, { year: 2026, month: 8 }),
    ).toBe(0);
  });
});
