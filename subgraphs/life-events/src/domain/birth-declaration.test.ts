import { Agency } from '@resident-graph/federation';
import { describe, expect, it } from 'vitest';
import { checkedBirthDeclaration } from './birth-declaration.js';

const today = '2026-06-15';

const refusal = (input: Parameters<typeof checkedBirthDeclaration>[0]) => {
  try {
    checkedBirthDeclaration(input, today);
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('not refused');
};

describe('checkedBirthDeclaration', () => {
  it('tells Social Security, the IRS and State by default', () => {
    expect(
      checkedBirthDeclaration({ childGivenName: ' Lena ', childBirthDate: today }, today),
    ).toEqual({
      childGivenName: 'Lena',
      childBirthDate: today,
      agencies: [Agency.SSA, Agency.IRS, Agency.STATE],
    });
  });

  it('takes a birth from today back to a year ago, not one still to come', () => {
    expect(refusal({ childGivenName: 'Lena', childBirthDate: '2026-06-16' })).toMatchObject({
      code: 'DATE_OUT_OF_RANGE',
      latest: today,
    });
    expect(refusal({ childGivenName: 'Lena', childBirthDate: '2025-06-15' })).toMatchObject({
      code: 'DATE_OUT_OF_RANGE',
      earliest: '2025-06-16',
    });
  });

  it('refuses a name that is not letters, and agencies that do not take a birth', () => {
    expect(refusal({ childGivenName: 'L3na', childBirthDate: today })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'childGivenName',
    });
    expect(
      refusal({ childGivenName: 'Lena', childBirthDate: today, agencies: [Agency.USPS] }),
    ).toMatchObject({ code: 'AGENCY_NOT_NOTIFIABLE' });
  });
});
