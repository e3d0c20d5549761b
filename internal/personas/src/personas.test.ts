import { addMonths, ageOn } from '@resident-graph/calendar';
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
