import { describe, expect, it } from 'vitest';
import {
  havingAChildWindow,
  isWithin,
  leavingMilitaryWindow,
  movingWindow,
  turning65Window,
  type LifeEventWindow,
} from './life-event-window.js';

/** [day before, the day, day after] → whether each is within `window`. */
const around = (window: LifeEventWindow, days: [string, string, string]) =>
  days.map((day) => isWithin(window, day));

describe('TURNING_65 window: 12 months before the 65th birthday through 6 months after', () => {
  const window = turning65Window('1961-08-15'); // 65 on 2026-08-15

  it('opens exactly 12 months before the 65th birthday', () => {
    expect(window.startsOn).toBe('2025-08-15');
    expect(around(window, ['2025-08-14', '2025-08-15', '2025-08-16'])).toEqual([false, true, true]);
  });

  it('closes exactly 6 months after it', () => {
    expect(window.endsOn).toBe('2027-02-15');
    expect(around(window, ['2027-02-14', '2027-02-15', '2027-02-16'])).toEqual([true, true, false]);
  });

  it('puts a February 29 birth’s 65th birthday on February 28 in a common year', () => {
    // 1960-02-29 + 65 years = 2025-02-28 (2025 is not a leap year).
    expect(turning65Window('1960-02-29')).toEqual({ startsOn: '2024-02-28', endsOn: '2025-08-28' });
  });
});

describe('HAVING_A_CHILD window: the child’s first year, from the birth until the first birthday', () => {
  const window = havingAChildWindow('2026-06-03');

  it('opens on the day the child is born, not before', () => {
    expect(window.startsOn).toBe('2026-06-03');
    expect(around(window, ['2026-06-02', '2026-06-03', '2026-06-04'])).toEqual([false, true, true]);
  });

  it('closes on the first birthday: active the day before, not on it nor after', () => {
    expect(window.endsOn).toBe('2027-06-02');
    expect(around(window, ['2027-06-02', '2027-06-03', '2027-06-04'])).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('gives a February 29 baby a first birthday of February 28 in a common year', () => {
    expect(havingAChildWindow('2028-02-29')).toEqual({
      startsOn: '2028-02-29',
      endsOn: '2029-02-27',
    });
  });
});

describe('MOVING window: from 3 months before the move until 12 months after', () => {
  const window = movingWindow('2026-06-24');

  it('opens 3 months before the move date', () => {
    expect(window.startsOn).toBe('2026-03-24');
    expect(around(window, ['2026-03-23', '2026-03-24', '2026-03-25'])).toEqual([false, true, true]);
  });

  it('is active on the move date itself', () => {
    expect(around(window, ['2026-06-23', '2026-06-24', '2026-06-25'])).toEqual([true, true, true]);
  });

  it('closes 12 months after the move, when USPS stops forwarding mail (its last day is the day before)', () => {
    expect(window.endsOn).toBe('2027-06-23');
    expect(around(window, ['2027-06-23', '2027-06-24', '2027-06-25'])).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('clamps month ends: a move on May 31 opens on the last day of February', () => {
    expect(movingWindow('2026-05-31')).toEqual({ startsOn: '2026-02-28', endsOn: '2027-05-30' });
  });
});

describe('LEAVING_MILITARY window: from 180 days before separation until a year after', () => {
  const window = leavingMilitaryWindow('2026-10-03');

  it('opens on the first day a Benefits Delivery at Discharge claim can be filed', () => {
    expect(window.startsOn).toBe('2026-04-06');
    expect(around(window, ['2026-04-05', '2026-04-06', '2026-04-07'])).toEqual([false, true, true]);
  });

  it('closes on the last day a claim gets compensation from the day after separation', () => {
    expect(window.endsOn).toBe('2027-10-03');
    expect(around(window, ['2027-10-02', '2027-10-03', '2027-10-04'])).toEqual([true, true, false]);
  });
});
