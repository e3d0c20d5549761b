import { findPersona, personas, type ResidentFacts } from '@resident-graph/personas';
import { describe, expect, it } from 'vitest';
import { LifeEventKind } from './life-event-kind.js';
import {
  activeLifeEventKinds,
  isActiveOn,
  lifeEventsFromFacts,
  turning65,
} from './resident-life-events.js';

const today = '2026-06-15';

/** Grace has nothing going on; each test adds only the records it is about. */
function resident(change: (facts: ResidentFacts) => void = () => {}): ResidentFacts {
  const facts = structuredClone(findPersona(today, 'grace')!);
  change(facts);
  return facts;
}

const activeOn = (facts: ResidentFacts, on = today) =>
  activeLifeEventKinds(lifeEventsFromFacts(facts), on);
const bornOn = (birthDate: string) => resident((f) => (f.identity.birthDate = birthDate));

describe('TURNING_65: the 65th birthday is within the next 12 months or the past 6', () => {
  it('is active when the 65th birthday is exactly 12 months ahead, and not a day before that', () => {
    expect(activeOn(bornOn('1962-06-15'))).toEqual([LifeEventKind.TURNING_65]); // turns 65 on 2027-06-15
    expect(activeOn(bornOn('1962-06-16'))).toEqual([]);
  });

  it('is active when the 65th birthday was exactly 6 months ago, and not a day after that', () => {
    expect(activeOn(bornOn('1960-12-15'))).toEqual([LifeEventKind.TURNING_65]); // turned 65 on 2025-12-15
    expect(activeOn(bornOn('1960-12-14'))).toEqual([]);
  });

  it('is active on the 65th birthday itself', () => {
    expect(activeOn(bornOn('1961-06-15'))).toEqual([LifeEventKind.TURNING_65]);
  });

  it('is not active for someone decades away from 65, or long past it', () => {
    expect(activeOn(bornOn('1990-03-02'))).toEqual([]);
    expect(activeOn(bornOn('1940-01-20'))).toEqual([]);
  });

  it('follows the day it is asked, not the day it was seeded', () => {
    const facts = bornOn('1962-06-16');
    expect(activeOn(facts, '2026-06-15')).toEqual([]);
    expect(activeOn(facts, '2026-06-16')).toEqual([LifeEventKind.TURNING_65]);
    expect(activeOn(facts, '2027-12-16')).toEqual([LifeEventKind.TURNING_65]);
    expect(activeOn(facts, '2027-12-17')).toEqual([]);
  });

  it('puts a February 29 birth’s 65th birthday on February 28 in a common year', () => {
    // 1960-02-29 + 65 years = 2025-02-28 (2025 is not a leap year).
    expect(turning65('1960-02-29')).toEqual({
      kind: LifeEventKind.TURNING_65,
      startedOn: '2024-02-28',
      endsOn: '2025-08-28',
    });
  });
});

describe('HAVING_A_CHILD: a newborn card, a child tax credit or a child passport application exists', () => {
  const baby = '2026-06-01';

  it('is active with SSA’s newborn card request alone', () => {
    const facts = resident(
      (f) =>
        (f.ssa.newbornCard = {
          childGivenName: 'Wren',
          birthDate: baby,
          status: 'REQUESTED',
          changedOn: baby,
        }),
    );
    expect(activeOn(facts)).toEqual([LifeEventKind.HAVING_A_CHILD]);
    expect(lifeEventsFromFacts(facts)).toContainEqual({
      kind: LifeEventKind.HAVING_A_CHILD,
      startedOn: baby,
      endsOn: null,
    });
  });

  it('is active with the IRS child tax credit alone, from the latest child’s birth', () => {
    const facts = resident(
      (f) =>
        (f.irs.childTaxCredit = {
          taxYear: 2026,
          qualifyingChildren: 2,
          childBirthDates: ['2021-04-03', baby],
        }),
    );
    expect(activeOn(facts)).toEqual([LifeEventKind.HAVING_A_CHILD]);
    expect(lifeEventsFromFacts(facts)).toContainEqual({
      kind: LifeEventKind.HAVING_A_CHILD,
      startedOn: baby,
      endsOn: null,
    });
  });

  it('counts a child tax credit without birth dates from the start of its tax year', () => {
    const facts = resident(
      (f) => (f.irs.childTaxCredit = { taxYear: 2026, qualifyingChildren: 1, childBirthDates: [] }),
    );
    expect(lifeEventsFromFacts(facts)).toContainEqual({
      kind: LifeEventKind.HAVING_A_CHILD,
      startedOn: '2026-01-01',
      endsOn: null,
    });
  });

  it('is active with State’s child passport application alone', () => {
    const facts = resident(
      (f) =>
        (f.state.childApplication = {
          childGivenName: 'Wren',
          childBirthDate: baby,
          status: 'NOT_AVAILABLE',
          submittedOn: null,
          changedOn: null,
        }),
    );
    expect(activeOn(facts)).toEqual([LifeEventKind.HAVING_A_CHILD]);
  });
});

describe('MOVING: a change of address is on file at USPS, the IRS or SSA', () => {
  it('is active with a USPS change of address alone', () => {
    const facts = resident((f) => {
      f.usps.changeOfAddress = {
        status: 'SUBMITTED',
        submittedOn: '2026-06-10',
        effectiveOn: '2026-06-20',
        changedOn: '2026-06-10',
        oldAddress: f.identity.mailingAddress,
        newAddress: f.identity.mailingAddress,
      };
    });
    expect(activeOn(facts)).toEqual([LifeEventKind.MOVING]);
  });

  it('is active with only an IRS Form 8822, or only an SSA address change', () => {
    expect(
      activeOn(
        resident((f) => (f.irs.addressChange = { submittedOn: '2026-06-01', processedOn: null })),
      ),
    ).toEqual([LifeEventKind.MOVING]);
    expect(
      activeOn(
        resident((f) => (f.ssa.addressChange = { submittedOn: '2026-06-01', completedOn: null })),
      ),
    ).toEqual([LifeEventKind.MOVING]);
  });

  it('starts with the earliest of the submissions', () => {
    const facts = resident((f) => {
      f.irs.addressChange = { submittedOn: '2026-05-20', processedOn: null };
      f.ssa.addressChange = { submittedOn: '2026-05-02', completedOn: '2026-05-09' };
    });
    expect(lifeEventsFromFacts(facts)).toContainEqual({
      kind: LifeEventKind.MOVING,
      startedOn: '2026-05-02',
      endsOn: null,
    });
  });
});

describe('active life events', () => {
  it('lists several at once in catalog order', () => {
    const facts = resident((f) => {
      f.identity.birthDate = '1961-08-15';
      f.irs.addressChange = { submittedOn: '2026-06-01', processedOn: null };
      f.irs.childTaxCredit = {
        taxYear: 2026,
        qualifyingChildren: 1,
        childBirthDates: ['2026-03-01'],
      };
    });
    expect(activeOn(facts)).toEqual([
      LifeEventKind.TURNING_65,
      LifeEventKind.HAVING_A_CHILD,
      LifeEventKind.MOVING,
    ]);
  });

  it('does not count an event before its first day', () => {
    expect(
      isActiveOn({ kind: LifeEventKind.MOVING, startedOn: '2026-06-16', endsOn: null }, today),
    ).toBe(false);
    expect(
      isActiveOn({ kind: LifeEventKind.MOVING, startedOn: '2026-06-15', endsOn: null }, today),
    ).toBe(true);
  });

  it('gives each persona the life event their scenario describes', () => {
    const byHandle = Object.fromEntries(personas(today).map((p) => [p.handle, activeOn(p)]));
    expect(byHandle).toEqual({
      ava: [LifeEventKind.TURNING_65],
      walter: [LifeEventKind.TURNING_65],
      rosa: [LifeEventKind.TURNING_65],
      nora: [LifeEventKind.HAVING_A_CHILD],
      marcus: [LifeEventKind.MOVING],
      grace: [],
    });
  });
});
