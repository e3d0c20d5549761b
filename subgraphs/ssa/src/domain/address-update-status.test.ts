import { describe, expect, it } from 'vitest';
import { addressUpdateStatus } from './address-update-status.js';

describe('addressUpdateStatus', () => {
  it('is NOT_NEEDED when there is none, and says other agencies’ notices do not count', () => {
    const result = addressUpdateStatus(null);
    expect(result).toMatchObject({ code: 'NOT_NEEDED', actionRequired: false });
    expect(result.description).toContain(
      'Telling USPS or the IRS about a move does not update your address with Social Security.',
    );
  });

  it('is SUBMITTED, step 1 of 2, until completed', () => {
    const result = addressUpdateStatus({ submittedOn: '2026-06-09', completedOn: null });
    expect(result).toMatchObject({
      code: 'SUBMITTED',
      step: 1,
      stepCount: 2,
      lastChangedOn: '2026-06-09',
    });
    expect(result.description).toContain('does not update your address with Social Security');
  });

  it('is COMPLETED, step 2 of 2, from the day it was completed', () => {
    const result = addressUpdateStatus({ submittedOn: '2026-06-09', completedOn: '2026-06-10' });
    expect(result).toMatchObject({
      code: 'COMPLETED',
      step: 2,
      stepCount: 2,
      lastChangedOn: '2026-06-10',
    });
    expect(result.description).toContain('June 10, 2026');
    expect(result.description).toContain('does not update your address with Social Security');
  });
});
