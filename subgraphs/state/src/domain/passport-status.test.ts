import { describe, expect, it } from 'vitest';
import type { PassportFacts } from './online-renewal.js';
import {
  childPassportApplicationStatus,
  passportApplicationStatus,
  passportRenewalStatus,
  passportValidity,
  type PassportApplicationFacts,
} from './passport-status.js';

const today = '2026-06-15';
const passport = (expiresOn: string, overrides: Partial<PassportFacts> = {}): PassportFacts => ({
  issuedOn: `${Number(expiresOn.slice(0, 4)) - 10}${expiresOn.slice(4)}`,
  expiresOn,
  validityYears: 10,
  nameChanged: false,
  ...overrides,
});
const application = (
  overrides: Partial<PassportApplicationFacts> = {},
): PassportApplicationFacts => ({
  status: 'IN_PROCESS',
  submittedOn: '2026-06-01',
  changedOn: '2026-06-03',
  expedited: false,
  ...overrides,
});

describe('passportValidity', () => {
  it('is valid until the expiry date, renew-soon within a year, expired after', () => {
    expect(passportValidity(passport('2027-06-16'), today)).toBe('VALID');
    expect(passportValidity(passport('2027-06-15'), today)).toBe('RENEW_SOON');
    expect(passportValidity(passport('2026-06-15'), today)).toBe('RENEW_SOON');
    expect(passportValidity(passport('2026-06-14'), today)).toBe('EXPIRED');
  });

  it('turns renew-soon for a leap-day expiry on March 1 of the year before, with online renewal', () => {
    expect(passportValidity(passport('2028-02-29'), '2027-02-28')).toBe('VALID');
    expect(passportValidity(passport('2028-02-29'), '2027-03-01')).toBe('RENEW_SOON');
  });
});

describe('passportApplicationStatus', () => {
  it('expects a routine application 4 to 6 weeks after it was received, step 1 of 3', () => {
    const status = passportApplicationStatus(application(), 'renewal application');
    expect(status).toMatchObject({
      code: 'IN_PROCESS',
      label: 'In process',
      expectedFrom: '2026-06-29',
      expectedBy: '2026-07-13',
      step: 1,
      stepCount: 3,
      actionRequired: false,
      lastChangedOn: '2026-06-03',
    });
    expect(status.nextSteps.join(' ')).toContain('$60 to expedite');
  });

  it('expects an expedited application 2 to 3 weeks after, and does not offer to expedite again', () => {
    const status = passportApplicationStatus(
      application({ expedited: true }),
      'renewal application',
    );
    expect(status).toMatchObject({ expectedFrom: '2026-06-15', expectedBy: '2026-06-22' });
    expect(status.nextSteps.join(' ')).not.toContain('expedite');
  });

  it('asks the resident to act when more information is needed', () => {
    const status = passportApplicationStatus(
      application({ status: 'ADDITIONAL_INFO_NEEDED' }),
      'renewal application',
    );
    expect(status).toMatchObject({
      code: 'ADDITIONAL_INFO_NEEDED',
      actionRequired: true,
      step: 1,
      stepCount: 3,
    });
  });

  it('walks approved (2 of 3) and mailed (3 of 3)', () => {
    expect(passportApplicationStatus(application({ status: 'APPROVED' }), 'x')).toMatchObject({
      code: 'APPROVED',
      step: 2,
      stepCount: 3,
    });
    const mailed = passportApplicationStatus(application({ status: 'MAILED' }), 'x');
    expect(mailed).toMatchObject({
      code: 'MAILED',
      step: 3,
      stepCount: 3,
      expectedBy: null,
      actionRequired: false,
    });
  });

  it('says NOT_AVAILABLE means no record found yet', () => {
    const status = passportApplicationStatus(
      application({ status: 'NOT_AVAILABLE' }),
      'renewal application',
    );
    expect(status).toMatchObject({ code: 'NOT_AVAILABLE', label: 'Not available', step: null });
    expect(status.description).toContain('don’t have a record');
  });
});

describe('passportRenewalStatus', () => {
  it('follows a renewal application when there is one, whatever the passport says', () => {
    expect(
      passportRenewalStatus(passport('2026-09-15'), application({ status: 'APPROVED' }), today)
        .code,
    ).toBe('APPROVED');
  });

  it('has nothing to do for a passport valid for more than a year, and says when renewal opens', () => {
    const status = passportRenewalStatus(passport('2032-06-15'), null, today);
    expect(status).toMatchObject({
      code: 'VALID',
      actionRequired: false,
      lastChangedOn: '2022-06-15',
    });
    expect(status.nextSteps).toEqual([
      'You can renew it from June 15, 2031, a year before it expires.',
    ]);
  });

  it('says a leap-day passport can be renewed from the day online renewal opens, March 1', () => {
    const valid = passportRenewalStatus(passport('2028-02-29'), null, '2027-02-28');
    expect(valid.code).toBe('VALID');
    expect(valid.nextSteps).toEqual([
      'You can renew it from March 1, 2027, a year before it expires.',
    ]);
    const renewSoon = passportRenewalStatus(passport('2028-02-29'), null, '2027-03-01');
    expect(renewSoon).toMatchObject({ code: 'RENEW_SOON', lastChangedOn: '2027-03-01' });
    expect(renewSoon.nextSteps[0]).toBe('You can renew online at travel.state.gov.');
  });

  it('recommends renewing within a year of expiry, online when allowed', () => {
    const status = passportRenewalStatus(passport('2026-09-15'), null, today);
    expect(status).toMatchObject({
      code: 'RENEW_SOON',
      label: 'Renew soon',
      actionRequired: false,
      lastChangedOn: '2025-09-15',
    });
    expect(status.description).toContain('You can renew it online.');
    expect(status.nextSteps[0]).toBe('You can renew online at travel.state.gov.');
  });

  it('recommends renewing but explains why not online after a name change', () => {
    const status = passportRenewalStatus(
      passport('2026-09-15', { nameChanged: true }),
      null,
      today,
    );
    expect(status.code).toBe('RENEW_SOON');
    expect(status.description).toContain('You can’t renew it online.');
    expect(status.nextSteps.join(' ')).toContain('DS-82');
  });

  it('reports an expired passport, renewable online within five years of expiry', () => {
    const status = passportRenewalStatus(passport('2024-01-10'), null, today);
    expect(status).toMatchObject({ code: 'EXPIRED', lastChangedOn: '2024-01-11' });
    expect(status.description).toContain('You can still renew it online.');
  });

  it('reports an expired passport too old to renew, pointing at DS-11', () => {
    const status = passportRenewalStatus(passport('2020-01-10'), null, today);
    expect(status.code).toBe('EXPIRED');
    expect(status.nextSteps.join(' ')).toContain('DS-11');
  });

  it('reports no passport', () => {
    const status = passportRenewalStatus(null, null, today);
    expect(status).toMatchObject({
      code: 'NO_PASSPORT',
      label: 'No passport',
      lastChangedOn: null,
    });
    expect(status.nextSteps.join(' ')).toContain('DS-11');
  });
});

describe('childPassportApplicationStatus', () => {
  it('explains how to apply in person with DS-11 and both parents when nothing was submitted', () => {
    const status = childPassportApplicationStatus(null);
    expect(status).toMatchObject({ code: 'NOT_AVAILABLE', actionRequired: false, step: null });
    expect(status.description).toContain('for your child');
    const steps = status.nextSteps.join(' ');
    expect(steps).toContain('DS-11');
    expect(steps).toContain('Both parents');
    expect(steps).toContain('DS-3053');
  });

  it('names the child of a started but not submitted application', () => {
    const status = childPassportApplicationStatus({
      ...application({ status: 'NOT_AVAILABLE', submittedOn: null, changedOn: null }),
      childGivenName: 'Juniper',
    });
    expect(status.code).toBe('NOT_AVAILABLE');
    expect(status.description).toContain('for Juniper');
    expect(status.nextSteps.join(' ')).toContain('DS-11');
  });

  it('follows a submitted application through the usual steps', () => {
    const status = childPassportApplicationStatus({ ...application(), childGivenName: 'Juniper' });
    expect(status).toMatchObject({ code: 'IN_PROCESS', step: 1, expectedBy: '2026-07-13' });
    expect(status.description).toContain('for Juniper');
  });
});
