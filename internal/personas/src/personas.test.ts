import { addDays, addMonths, addYears, ageOn } from '@resident-graph/calendar';
import { describe, expect, it } from 'vitest';
import { generateResidents } from './generate.js';
import { personas } from './personas.js';

const asOf = '2026-06-15';

describe('generated residents', () => {
  it('are the same for the same seed and date, and differ for another seed', () => {
    const a = [...generateResidents(50, asOf)];
    expect([...generateResidents(50, asOf)]).toEqual(a);
    expect([...generateResidents(50, asOf, 7)]).not.toEqual(a);
  });

  it('have unique ids, adult ages and SSNs only in the never-issued 9xx area', () => {
    const residents = [...generateResidents(2000, asOf)];
    expect(new Set(residents.map((r) => r.id)).size).toBe(2000);
    for (const r of residents) {
      expect(r.ssa.ssn).toMatch(/^9\d{2}-\d{2}-\d{4}$/);
      expect(ageOn(r.identity.birthDate, asOf)).toBeGreaterThanOrEqual(17);
    }
  });

  it('exercise every life event somewhere in a few thousand', () => {
    const residents = [...generateResidents(2000, asOf)];
    expect(residents.some((r) => r.ssa.newbornCard)).toBe(true);
    expect(residents.some((r) => r.usps.changeOfAddress)).toBe(true);
    expect(residents.some((r) => ageOn(r.identity.birthDate, addMonths(asOf, 6)) === 65)).toBe(
      true,
    );
  });
});

describe('personas', () => {
  const byHandle = Object.fromEntries(personas(asOf).map((p) => [p.handle, p]));

  it('Ava turns 65 in two months and her passport expires within three', () => {
    const ava = byHandle['ava']!;
    expect(ageOn(ava.identity.birthDate, addMonths(asOf, 1))).toBe(64);
    expect(ageOn(ava.identity.birthDate, addMonths(asOf, 2))).toBe(65);
    expect(ava.state.passport?.expiresOn).toBe(addMonths(asOf, 3));
  });

  it('Marcus is moving states with a refund in progress; Grace has nothing pending', () => {
    const marcus = byHandle['marcus']!;
    expect(marcus.usps.changeOfAddress?.oldAddress.state).not.toBe(
      marcus.usps.changeOfAddress?.newAddress.state,
    );
    expect(marcus.irs.refund?.status).toBe('REFUND_APPROVED');
    const grace = byHandle['grace']!;
    expect([
      grace.usps.changeOfAddress,
      grace.ssa.retirementApplication,
      grace.ssa.newbornCard,
      grace.state.renewalApplication,
    ]).toEqual([null, null, null, null]);
  });

  it('never reuse an SSN and keep them in the 9xx area', () => {
    const ssns = personas(asOf).map((p) => p.ssa.ssn);
    expect(new Set(ssns).size).toBe(ssns.length);
    for (const ssn of ssns) expect(ssn).toMatch(/^9\d{2}-/);
  });
});

describe('generated residents tell a consistent story', () => {
  const residents = [...generateResidents(5000, asOf)];
  const pairs = (
    pick: (
      r: (typeof residents)[number],
    ) => [string | null | undefined, string | null | undefined] | null,
  ) => residents.map(pick).filter((p): p is [string, string] => p !== null && !!p[0] && !!p[1]);

  it('never changes a case before it started, nor after today', () => {
    const ordered = [
      ...pairs((r) => (r.irs.refund ? [r.irs.refund.filedOn, r.irs.refund.changedOn] : null)),
      ...pairs((r) =>
        r.ssa.retirementApplication
          ? [r.ssa.retirementApplication.filedOn, r.ssa.retirementApplication.changedOn]
          : null,
      ),
      ...pairs((r) =>
        r.ssa.addressChange
          ? [r.ssa.addressChange.submittedOn, r.ssa.addressChange.completedOn]
          : null,
      ),
      ...pairs((r) =>
        r.irs.addressChange
          ? [r.irs.addressChange.submittedOn, r.irs.addressChange.processedOn]
          : null,
      ),
      ...pairs((r) =>
        r.state.renewalApplication
          ? [r.state.renewalApplication.submittedOn, r.state.renewalApplication.changedOn]
          : null,
      ),
      ...pairs((r) =>
        r.usps.changeOfAddress
          ? [r.usps.changeOfAddress.submittedOn, r.usps.changeOfAddress.changedOn]
          : null,
      ),
      ...pairs((r) =>
        r.usps.changeOfAddress
          ? [r.usps.changeOfAddress.submittedOn, r.usps.changeOfAddress.effectiveOn]
          : null,
      ),
    ];
    expect(ordered.length).toBeGreaterThan(1000);
    for (const [started, changed] of ordered)
      expect(changed >= started, `${started} → ${changed}`).toBe(true);
  });

  it('forwards mail only from the move date on', () => {
    const active = residents.filter((r) => r.usps.changeOfAddress?.status === 'ACTIVE');
    expect(active.length).toBeGreaterThan(20);
    for (const r of active) expect(r.usps.changeOfAddress!.effectiveOn <= asOf).toBe(true);
  });

  it('enrols in Medicare whoever received Social Security 4+ months before 65', () => {
    const automatic = residents.filter(
      (r) =>
        ageOn(r.identity.birthDate, asOf) >= 65 &&
        r.ssa.benefitsStartedOn !== null &&
        r.ssa.benefitsStartedOn <= addMonths(addYears(r.identity.birthDate, 65), -4),
    );
    expect(automatic.length).toBeGreaterThan(50);
    for (const r of automatic) expect([r.cms.partA, r.cms.partB]).toEqual(['ENROLLED', 'ENROLLED']);
  });
});

describe('VA facts', () => {
  it('Dana separates in 110 days, a combat veteran who filed within the BDD window', () => {
    const dana = personas(asOf).find((p) => p.handle === 'dana')!;
    const separationOn = dana.va.service!.separationOn;
    expect(separationOn).toBe(addDays(asOf, 110));
    expect(dana.va.service?.combatVeteran).toBe(true);
    const filedOn = dana.va.disabilityClaim!.filedOn;
    expect(filedOn >= addDays(separationOn, -180) && filedOn <= addDays(separationOn, -90)).toBe(
      true,
    );
  });

  it('gives most generated residents none, and a claim only to those who served, never filed in the future', () => {
    const residents = [...generateResidents(2000, asOf)];
    const served = residents.filter((r) => r.va.service);
    expect(served.length).toBeGreaterThan(20);
    expect(served.length).toBeLessThan(residents.length / 5);
    for (const r of residents) {
      if (!r.va.service)
        expect(r.va).toEqual({ service: null, disabilityClaim: null, healthCareEnrolledOn: null });
      if (r.va.disabilityClaim) expect(r.va.disabilityClaim.filedOn <= asOf).toBe(true);
    }
    expect(served.some((r) => r.va.disabilityClaim)).toBe(true);
  });
});
