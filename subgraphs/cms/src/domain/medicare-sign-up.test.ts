import { describe, expect, it } from 'vitest';
import { medicareSignUpWindow } from './medicare-sign-up.js';

describe('Medicare sign-up window', () => {
  // Born 1961-08-15: turns 65 in August 2026; IEP May 1 to November 30, 2026.
  const birthDate = '1961-08-15';

  it('opens 3 months before the 65th-birthday month, coverage from that month', () => {
    expect(medicareSignUpWindow(birthDate, '2026-04-30')).toMatchObject({
      open: false,
      opensOn: '2026-05-01',
    });
    expect(medicareSignUpWindow(birthDate, '2026-05-01')).toEqual({
      open: true,
      period: 'IEP',
      coverageStartsOn: '2026-08-01',
    });
  });

  it('starts coverage the month after sign-up from the birthday month on, to the end of the IEP', () => {
    expect(medicareSignUpWindow(birthDate, '2026-09-10')).toEqual({
      open: true,
      period: 'IEP',
      coverageStartsOn: '2026-10-01',
    });
    expect(medicareSignUpWindow(birthDate, '2026-11-30')).toMatchObject({ open: true });
  });

  it('after the IEP, opens only in the General Enrollment Period, January to March', () => {
    expect(medicareSignUpWindow(birthDate, '2026-12-01')).toMatchObject({
      open: false,
      opensOn: '2027-01-01',
    });
    expect(medicareSignUpWindow(birthDate, '2027-03-31')).toEqual({
      open: true,
      period: 'GEP',
      coverageStartsOn: '2027-04-01',
    });
  });
});
