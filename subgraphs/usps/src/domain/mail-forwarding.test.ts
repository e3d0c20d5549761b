import { describe, expect, it } from 'vitest';
import {
  displayedChangeOfAddressStatus,
  forwardingEndsOn,
  mailForwardingStatus,
  type ChangeOfAddressFacts,
} from './mail-forwarding.js';

const today = '2026-06-15';
const tempe = { city: 'Tempe', state: 'AZ' };
const request = (overrides: Partial<ChangeOfAddressFacts> = {}): ChangeOfAddressFacts => ({
  status: 'ACTIVE',
  submittedOn: '2026-01-05',
  effectiveOn: '2026-01-15',
  changedOn: '2026-01-12',
  ...overrides,
});

describe('forwardingEndsOn', () => {
  it('is the day before the 12-month anniversary: 12 months of forwarding, not a day more', () => {
    expect(forwardingEndsOn('2026-06-24')).toBe('2027-06-23');
    expect(forwardingEndsOn('2026-01-01')).toBe('2026-12-31');
  });

  it('ends on leap day when the anniversary is March 1 of a leap year', () => {
    expect(forwardingEndsOn('2027-03-01')).toBe('2028-02-29');
  });

  it('ends the day before the clamped anniversary for a start on a day the next year lacks', () => {
    expect(forwardingEndsOn('2028-02-29')).toBe('2029-02-27');
    expect(forwardingEndsOn('2026-01-31')).toBe('2027-01-30');
  });
});

describe('displayedChangeOfAddressStatus', () => {
  it('keeps ACTIVE through the last forwarding day and shows EXPIRED from the anniversary', () => {
    // Effective 2025-06-16: the last forwarded day is 2026-06-15, today.
    expect(displayedChangeOfAddressStatus(request({ effectiveOn: '2025-06-16' }), today)).toBe(
      'ACTIVE',
    );
    // Effective 2025-06-15: 12 months ended yesterday; today is the anniversary.
    expect(displayedChangeOfAddressStatus(request({ effectiveOn: '2025-06-15' }), today)).toBe(
      'EXPIRED',
    );
  });

  it('does not treat a passed effective date as validation: the request still waits', () => {
    expect(
      displayedChangeOfAddressStatus(
        request({ status: 'VALIDATION_LETTER_SENT', effectiveOn: '2026-06-01' }),
        today,
      ),
    ).toBe('VALIDATION_LETTER_SENT');
    expect(
      displayedChangeOfAddressStatus(
        request({ status: 'SUBMITTED', effectiveOn: '2026-06-01' }),
        today,
      ),
    ).toBe('SUBMITTED');
  });

  it('expires any request once its 12 months are over, validated or not', () => {
    expect(
      displayedChangeOfAddressStatus(
        request({ status: 'VALIDATION_LETTER_SENT', effectiveOn: '2025-01-01' }),
        today,
      ),
    ).toBe('EXPIRED');
  });

  it('keeps a stored EXPIRED', () => {
    expect(displayedChangeOfAddressStatus(request({ status: 'EXPIRED' }), today)).toBe('EXPIRED');
  });
});

describe('mailForwardingStatus', () => {
  it('says there is no request, and that other agencies need telling separately', () => {
    const status = mailForwardingStatus(null, null, today);
    expect(status).toMatchObject({
      code: 'NO_REQUEST',
      label: 'No request',
      step: null,
      actionRequired: false,
    });
    expect(status.nextSteps.join(' ')).toContain('IRS or Social Security');
  });

  it('says the validation letter goes to the OLD address, with forwarding expected from the effective date', () => {
    const status = mailForwardingStatus(
      request({
        status: 'VALIDATION_LETTER_SENT',
        effectiveOn: '2026-06-24',
        changedOn: '2026-06-11',
      }),
      tempe,
      today,
    );
    expect(status).toMatchObject({
      code: 'VALIDATION_LETTER_SENT',
      step: 2,
      stepCount: 4,
      expectedFrom: '2026-06-24',
      lastChangedOn: '2026-06-11',
      actionRequired: false,
    });
    expect(status.description).toContain('to your old address (not your new one)');
    expect(status.description).toContain('Forwarding to Tempe, AZ starts on June 24, 2026');
  });

  it('explains a start date that passed before validation, with no expected date in the past', () => {
    const status = mailForwardingStatus(
      request({ status: 'VALIDATION_LETTER_SENT', effectiveOn: '2026-06-10' }),
      tempe,
      today,
    );
    expect(status.code).toBe('VALIDATION_LETTER_SENT');
    expect(status.expectedFrom).toBeNull();
    expect(status.description).toContain(
      'has passed, but forwarding starts only once we’ve confirmed the move',
    );
  });

  it('walks submitted (1 of 4) and active (3 of 4, until forwarding ends)', () => {
    expect(
      mailForwardingStatus(
        request({ status: 'SUBMITTED', effectiveOn: '2026-07-01' }),
        tempe,
        today,
      ),
    ).toMatchObject({ code: 'SUBMITTED', step: 1, expectedFrom: '2026-07-01' });
    const active = mailForwardingStatus(request(), tempe, today);
    expect(active).toMatchObject({
      code: 'ACTIVE',
      label: 'Forwarding active',
      step: 3,
      stepCount: 4,
      expectedBy: '2027-01-14',
    });
    expect(active.description).toBe(
      'Mail sent to your old address is being forwarded to Tempe, AZ through January 14, 2027.',
    );
  });

  it('shows an ACTIVE request past its 12 months as EXPIRED (4 of 4), changed the day after forwarding ended', () => {
    const status = mailForwardingStatus(request({ effectiveOn: '2025-05-01' }), tempe, today);
    expect(status).toMatchObject({
      code: 'EXPIRED',
      step: 4,
      stepCount: 4,
      expectedBy: null,
      lastChangedOn: '2026-05-01',
    });
    expect(status.description).toContain('ended on April 30, 2026');
  });
});
