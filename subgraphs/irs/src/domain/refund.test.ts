import { describe, expect, it } from 'vitest';
import { expectedRefundBy, refundStatus, type TaxReturnFacts } from './refund.js';

const today = '2026-06-15';
const taxReturn = (overrides: Partial<TaxReturnFacts> = {}): TaxReturnFacts => ({
  taxYear: 2025,
  filedOn: '2026-06-01',
  eFileStatus: 'ACCEPTED',
  directDeposit: true,
  refundStatus: 'RETURN_RECEIVED',
  refundAmount: 1842,
  changedOn: '2026-06-02',
  ...overrides,
});

describe('expectedRefundBy', () => {
  it('expects an e-filed, direct-deposit refund within 21 days of acceptance', () => {
    expect(expectedRefundBy(taxReturn())).toBe('2026-06-22');
  });

  it('invents no date for a refund by check or a paper return', () => {
    expect(expectedRefundBy(taxReturn({ directDeposit: false }))).toBeNull();
    expect(expectedRefundBy(taxReturn({ eFileStatus: null }))).toBeNull();
  });

  it('expects nothing from a rejected e-file', () => {
    expect(expectedRefundBy(taxReturn({ eFileStatus: 'REJECTED' }))).toBeNull();
  });
});

describe('refundStatus', () => {
  it('walks received (1 of 3), approved (2 of 3), sent (3 of 3)', () => {
    expect(refundStatus(taxReturn(), today)).toMatchObject({
      code: 'RETURN_RECEIVED',
      label: 'Return received',
      step: 1,
      stepCount: 3,
    });
    expect(refundStatus(taxReturn({ refundStatus: 'REFUND_APPROVED' }), today)).toMatchObject({
      code: 'REFUND_APPROVED',
      label: 'Refund approved',
      step: 2,
      stepCount: 3,
    });
    expect(refundStatus(taxReturn({ refundStatus: 'REFUND_SENT' }), today)).toMatchObject({
      code: 'REFUND_SENT',
      label: 'Refund sent',
      step: 3,
      stepCount: 3,
      expectedBy: null,
    });
  });

  it('gives the 21-day expectation and says the status updates once a day', () => {
    const status = refundStatus(taxReturn(), today);
    expect(status).toMatchObject({
      expectedFrom: null,
      expectedBy: '2026-06-22',
      actionRequired: false,
      lastChangedOn: '2026-06-02',
    });
    expect(status.description).toContain('About 9 in 10');
    expect(status.nextSteps.join(' ')).toContain('updated once a day');
  });

  it('says a refund by check takes longer, without a date', () => {
    const status = refundStatus(
      taxReturn({ refundStatus: 'REFUND_APPROVED', directDeposit: false }),
      today,
    );
    expect(status.expectedBy).toBeNull();
    expect(status.description).toContain('take longer');
    expect(status.description).toContain('$1,842');
    expect(status.description).toContain('paper check');
  });

  it('reassures when 21 days have passed, but not on day 21 itself', () => {
    const onTime = refundStatus(taxReturn({ filedOn: '2026-05-25' }), today);
    expect(onTime.expectedBy).toBe(today);
    expect(onTime.nextSteps.join(' ')).not.toContain('more than 21 days');
    const late = refundStatus(taxReturn({ filedOn: '2026-05-24' }), today);
    expect(late.nextSteps.join(' ')).toContain('more than 21 days');
    expect(late.actionRequired).toBe(false);
  });

  it('requires action after a rejected e-file, whatever the refund record says', () => {
    const status = refundStatus(
      taxReturn({ eFileStatus: 'REJECTED', refundStatus: 'REFUND_SENT' }),
      today,
    );
    expect(status).toMatchObject({
      code: 'REJECTED',
      actionRequired: true,
      step: null,
      expectedBy: null,
    });
    expect(status.nextSteps.join(' ')).toContain('e-file it again');
  });

  it('says a refund sent by direct deposit can take a few days to show', () => {
    const status = refundStatus(
      taxReturn({ refundStatus: 'REFUND_SENT', changedOn: '2026-06-10' }),
      today,
    );
    expect(status.description).toBe(
      'We sent your 2025 refund of $1,842 by direct deposit to your bank account on June 10, 2026.',
    );
    expect(status.nextSteps).toEqual(['It can take a few days for your bank to show the deposit.']);
  });

  it('says when there is no return on file for last year', () => {
    const status = refundStatus(null, today);
    expect(status).toMatchObject({ code: 'NO_RETURN', step: null, actionRequired: false });
    expect(status.description).toContain('2025');
  });
});
