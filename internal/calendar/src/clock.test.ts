import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock, systemClock } from './calendar.js';

describe('clocks', () => {
  afterEach(() => vi.useRealTimers());

  it('decides "today" in Eastern time by default, not UTC', () => {
    // 02:30 UTC on Dec 1 is still the evening of Nov 30 in New York.
    vi.useFakeTimers({ now: new Date('2026-12-01T02:30:00Z'), toFake: ['Date'] });
    expect(systemClock().today()).toBe('2026-11-30');
    expect(systemClock('UTC').today()).toBe('2026-12-01');
    expect(systemClock('Pacific/Honolulu').today()).toBe('2026-11-30');
  });

  it('refuses an unknown time zone', () => {
    expect(() => systemClock('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('pins a date, and refuses one that does not exist', () => {
    expect(fixedClock('2026-06-15').today()).toBe('2026-06-15');
    expect(() => fixedClock('2026-02-30')).toThrow(RangeError);
  });
});
