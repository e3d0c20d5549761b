import { describe, expect, it } from 'vitest';
import { giBillStatus, giBillUseBy } from './gi-bill.js';

const served = (separationOn: string) => ({ separationOn, combatVeteran: false });

describe('Post-9/11 GI Bill time limit', () => {
  it('has none for service ending on or after January 1, 2013, and 15 years before that', () => {
    expect(giBillUseBy('2013-01-01')).toBeNull();
    expect(giBillUseBy('2012-12-31')).toBe('2027-12-31');
  });

  it('shows USE_BY through the last day, then EXPIRED', () => {
    expect(giBillStatus(served('2011-06-15'), '2026-06-15').code).toBe('USE_BY');
    expect(giBillStatus(served('2011-06-14'), '2026-06-15').code).toBe('EXPIRED');
    expect(giBillStatus(served('2026-10-03'), '2026-06-15').code).toBe('NO_TIME_LIMIT');
    expect(giBillStatus(null, '2026-06-15').code).toBe('NO_SERVICE_RECORD');
  });
});
