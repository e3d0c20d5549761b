import { describe, expect, it } from 'vitest';
import { enhancedEligibilityEndsOn, vaHealthCareStatus } from './health-care.js';

describe('VA health care: combat veterans’ enhanced eligibility for 10 years after discharge', () => {
  const combat = { separationOn: '2016-06-15', combatVeteran: true };

  it('lasts 10 years for combat veterans only', () => {
    expect(enhancedEligibilityEndsOn(combat)).toBe('2026-06-15');
    expect(enhancedEligibilityEndsOn({ ...combat, combatVeteran: false })).toBeNull();
  });

  it('asks a combat veteran to enroll by the last day, and no longer after it', () => {
    const last = vaHealthCareStatus(combat, null, '2026-06-15');
    expect([last.code, last.actionRequired, last.actionDeadline]).toEqual([
      'NOT_ENROLLED',
      true,
      '2026-06-15',
    ]);
    const after = vaHealthCareStatus(combat, null, '2026-06-16');
    expect([after.code, after.actionRequired, after.actionDeadline]).toEqual([
      'NOT_ENROLLED',
      false,
      null,
    ]);
  });

  it('shows ENROLLED with its date, and NO_SERVICE_RECORD without service', () => {
    expect(vaHealthCareStatus(combat, '2016-07-01', '2026-06-15').code).toBe('ENROLLED');
    expect(vaHealthCareStatus(null, null, '2026-06-15').code).toBe('NO_SERVICE_RECORD');
  });
});
