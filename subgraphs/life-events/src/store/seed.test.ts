import { findPersona, personas, type ResidentFacts } from '@resident-graph/personas';
import { TEST_TODAY } from '@resident-graph/testing';
import { describe, expect, it } from 'vitest';
import { LifeEventKind } from '../domain/life-event-kind.js';
import { activeLifeEventKinds } from '../domain/resident-life-events.js';
import { simulatedDeclarations } from './seed.js';

/** Grace has nothing going on; each test adds only the records it is about. */
function resident(change: (facts: ResidentFacts) => void): ResidentFacts {
  const facts = structuredClone(findPersona(TEST_TODAY, 'grace')!);
  change(facts);
  return facts;
}

const baby = '2026-06-01';

describe('the seed’s stand-in for residents telling the platform of a life event', () => {
  it('declares a child from the newborn’s birth date on SSA’s hospital birth form', () => {
    const facts = resident(
      (f) =>
        (f.ssa.newbornCard = {
          childGivenName: 'Wren',
          birthDate: baby,
          status: 'REQUESTED',
          changedOn: '2026-06-04',
        }),
    );
    expect(simulatedDeclarations(facts)).toEqual([
      { kind: LifeEventKind.HAVING_A_CHILD, eventDate: baby, declaredOn: baby },
    ]);
  });

  it('declares a child from the birth date on State’s child passport application', () => {
    const facts = resident(
      (f) =>
        (f.state.childApplication = {
          childGivenName: 'Wren',
          childBirthDate: baby,
          status: 'IN_PROCESS',
          submittedOn: '2026-06-10',
          changedOn: '2026-06-12',
        }),
    );
    expect(simulatedDeclarations(facts)).toEqual([
      { kind: LifeEventKind.HAVING_A_CHILD, eventDate: baby, declaredOn: baby },
    ]);
  });

  it('never reads a child from the IRS child tax credit (tax return information)', () => {
    const facts = resident(
      (f) =>
        (f.irs.childTaxCredit = {
          taxYear: 2026,
          qualifyingChildren: 1,
          childBirthDates: [baby],
        }),
    );
    expect(simulatedDeclarations(facts)).toEqual([]);
  });

  it('declares a move on the date mail forwarding starts, told the day it was asked for', () => {
    const facts = resident((f) => {
      f.usps.changeOfAddress = {
        status: 'SUBMITTED',
        submittedOn: '2026-06-10',
        effectiveOn: '2026-06-20',
        changedOn: '2026-06-11',
        oldAddress: f.identity.mailingAddress,
        newAddress: f.identity.mailingAddress,
      };
      // Agency processing dates, which must not leak into the declaration.
      f.irs.addressChange = { submittedOn: '2026-05-20', processedOn: null };
      f.ssa.addressChange = { submittedOn: '2026-05-02', completedOn: '2026-05-09' };
    });
    expect(simulatedDeclarations(facts)).toEqual([
      { kind: LifeEventKind.MOVING, eventDate: '2026-06-20', declaredOn: '2026-06-10' },
    ]);
  });

  it('never reads a move from an IRS Form 8822 or an SSA address change alone', () => {
    const facts = resident((f) => {
      f.irs.addressChange = { submittedOn: '2026-06-01', processedOn: null };
      f.ssa.addressChange = { submittedOn: '2026-06-01', completedOn: null };
    });
    expect(simulatedDeclarations(facts)).toEqual([]);
  });

  it('gives each persona the life event their scenario describes, with identity’s birth date', () => {
    const byHandle = Object.fromEntries(
      personas(TEST_TODAY).map((p) => [
        p.handle,
        activeLifeEventKinds(p.identity.birthDate, simulatedDeclarations(p), TEST_TODAY),
      ]),
    );
    expect(byHandle).toEqual({
      ava: [LifeEventKind.TURNING_65],
      walter: [LifeEventKind.TURNING_65],
      rosa: [LifeEventKind.TURNING_65],
      nora: [LifeEventKind.HAVING_A_CHILD],
      marcus: [LifeEventKind.MOVING],
      grace: [],
      dana: [LifeEventKind.LEAVING_MILITARY],
    });
  });
});
