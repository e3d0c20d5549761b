import { addDays, plainDate } from '@resident-graph/calendar';
import { describe, expect, it } from 'vitest';
import {
  onlineRenewalEligibility,
  onlineRenewalOpensOn,
  type PassportFacts,
} from './online-renewal.js';

const today = '2026-06-15';
const adultPassport = (
  expiresOn: string,
  overrides: Partial<PassportFacts> = {},
): PassportFacts => ({
  issuedOn: `${Number(expiresOn.slice(0, 4)) - 10}${expiresOn.slice(4)}`,
  expiresOn,
  validityYears: 10,
  nameChanged: false,
  ...overrides,
});

describe('onlineRenewalEligibility', () => {
  it('allows an adult passport that expires in a few months', () => {
    expect(onlineRenewalEligibility(adultPassport('2026-09-15'), today)).toEqual({
      eligible: true,
      reasons: [],
    });
  });

  it('allows a passport that expires exactly one year from today', () => {
    expect(onlineRenewalEligibility(adultPassport('2027-06-15'), today).eligible).toBe(true);
  });

  it('refuses a passport that expires one year and one day from today, saying when online renewal opens', () => {
    const result = onlineRenewalEligibility(adultPassport('2027-06-16'), today);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      'Your passport is valid until June 16, 2027. Online renewal opens a year before it expires, on June 16, 2026.',
    ]);
  });

  it('allows a passport that expired today or yesterday', () => {
    expect(onlineRenewalEligibility(adultPassport('2026-06-15'), today).eligible).toBe(true);
    expect(onlineRenewalEligibility(adultPassport('2026-06-14'), today).eligible).toBe(true);
  });

  it('allows a passport that expired exactly five years ago', () => {
    expect(onlineRenewalEligibility(adultPassport('2021-06-15'), today).eligible).toBe(true);
  });

  it('refuses a passport that expired five years and one day ago: a new application in person', () => {
    const result = onlineRenewalEligibility(adultPassport('2021-06-14'), today);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toContain('more than 5 years ago');
    expect(result.reasons[0]).toContain('DS-11');
  });

  it('refuses a 5-year child passport (issued under 16), even within the renewal window', () => {
    const result = onlineRenewalEligibility(
      adultPassport('2026-09-15', { issuedOn: '2021-09-15', validityYears: 5 }),
      today,
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toContain('5-year passport');
    expect(result.reasons[0]).toContain('under 16');
    expect(result.reasons[0]).toContain('in person with form DS-11');
  });

  it('refuses a name change, pointing at renewal by mail', () => {
    const result = onlineRenewalEligibility(
      adultPassport('2026-09-15', { nameChanged: true }),
      today,
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toContain('name has changed');
    expect(result.reasons[0]).toContain('DS-82');
  });

  it('gives every reason that applies at once', () => {
    const result = onlineRenewalEligibility(
      adultPassport('2019-01-01', { issuedOn: '2014-01-01', validityYears: 5, nameChanged: true }),
      today,
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons).toHaveLength(3);
  });

  it('refuses a resident with no passport: a first passport is applied for in person', () => {
    const result = onlineRenewalEligibility(null, today);
    expect(result.eligible).toBe(false);
    expect(result.reasons[0]).toContain('DS-11');
  });

  it('handles a leap-day expiry one year out', () => {
    // A year after 2027-02-28 is 2028-02-28, so a passport expiring on leap day 2028 is a day too early.
    expect(onlineRenewalEligibility(adultPassport('2028-02-29'), '2027-02-28').eligible).toBe(
      false,
    );
    expect(onlineRenewalEligibility(adultPassport('2028-02-29'), '2027-03-01').eligible).toBe(true);
  });

  it('names, for a leap-day expiry, the day online renewal really opens: March 1, not February 28', () => {
    const dayBefore = onlineRenewalEligibility(adultPassport('2028-02-29'), '2027-02-28');
    expect(dayBefore.reasons).toEqual([
      'Your passport is valid until February 29, 2028. Online renewal opens a year before it expires, on March 1, 2027.',
    ]);
  });

  it('names a day on which the check then says yes, and not the day before', () => {
    for (const expiresOn of [
      '2028-02-29',
      '2029-02-28',
      '2028-03-01',
      '2027-06-16',
      '2027-12-31',
    ]) {
      const opensOn = onlineRenewalOpensOn(expiresOn);
      const reasons = onlineRenewalEligibility(adultPassport(expiresOn), '2026-06-15').reasons;
      const named = /opens a year before it expires, on (.+)\.$/.exec(reasons[0] ?? '')?.[1];
      expect(named).toBe(plainDate(opensOn));
      expect(onlineRenewalEligibility(adultPassport(expiresOn), opensOn).eligible).toBe(true);
      expect(
        onlineRenewalEligibility(adultPassport(expiresOn), addDays(opensOn, -1)).eligible,
      ).toBe(false);
    }
  });
});

describe('onlineRenewalOpensOn', () => {
  it('is the same date a year before expiry', () => {
    expect(onlineRenewalOpensOn('2027-06-16')).toBe('2026-06-16');
    expect(onlineRenewalOpensOn('2029-02-28')).toBe('2028-02-28');
    expect(onlineRenewalOpensOn('2028-03-01')).toBe('2027-03-01');
  });

  it('is March 1 of the year before for an expiry on February 29', () => {
    expect(onlineRenewalOpensOn('2028-02-29')).toBe('2027-03-01');
  });
});
