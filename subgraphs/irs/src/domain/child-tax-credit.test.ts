import { describe, expect, it } from 'vitest';
import {
  CHILD_TAX_CREDIT_PER_CHILD_DOLLARS,
  childTaxCreditAmount,
  childTaxCreditStatus,
} from './child-tax-credit.js';

describe('childTaxCreditAmount', () => {
  it('is the per-child amount times the qualifying children', () => {
    expect(CHILD_TAX_CREDIT_PER_CHILD_DOLLARS).toBe(2000);
    expect(childTaxCreditAmount(0)).toBe(0);
    expect(childTaxCreditAmount(1)).toBe(2000);
    expect(childTaxCreditAmount(3)).toBe(6000);
  });
});

describe('childTaxCreditStatus', () => {
  it('is ELIGIBLE with a qualifying child, with how to claim and the SSN deadline', () => {
    const status = childTaxCreditStatus({ taxYear: 2026, qualifyingChildren: 1 });
    expect(status).toMatchObject({ code: 'ELIGIBLE', label: 'Eligible', actionRequired: false });
    expect(status.description).toContain('1 qualifying child for 2026');
    expect(status.description).toContain('$2,000 in all');
    expect(status.nextSteps[0]).toBe(
      'Claim the credit on your 2026 tax return, which you file in 2027.',
    );
    expect(status.nextSteps[1]).toContain('Social Security number by the due date');
  });

  it('counts several children', () => {
    expect(childTaxCreditStatus({ taxYear: 2026, qualifyingChildren: 3 }).description).toContain(
      '3 qualifying children for 2026: up to $2,000 per child, $6,000 in all',
    );
  });

  it('is NO_QUALIFYING_CHILDREN without any, still saying how a new child would be claimed', () => {
    const status = childTaxCreditStatus({ taxYear: 2026, qualifyingChildren: 0 });
    expect(status.code).toBe('NO_QUALIFYING_CHILDREN');
    expect(status.nextSteps[0]).toContain('2026 tax return, which you file in 2027');
    expect(status.nextSteps[1]).toContain('Social Security number');
  });
});
