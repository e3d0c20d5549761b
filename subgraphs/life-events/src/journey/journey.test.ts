import { personas } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
  expectOnlyTheCallersEntity,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeLifeEventKinds } from '../domain/resident-life-events.js';
import type { LifeEventsDatabase } from '../store/database.js';
import { simulatedDeclarations } from '../store/seed.js';
import { lifeEventsSubgraph } from '../subgraph.js';

// What the gateway sends for a field that `@requires(fields: "birthDate")`: identity's birth date.
const birthDates = Object.fromEntries(
  personas(TEST_TODAY).map((p) => [p.id, p.identity.birthDate]),
);
const resident = (id: string, birthDate = birthDates[id]) => ({
  __typename: 'Resident',
  id,
  birthDate,
});

interface JourneyAnswer {
  activeLifeEvents: string[];
  journey: {
    active: boolean;
    event: { kind: string; title: string };
    steps: {
      position: number;
      title: string;
      why: string;
      agency: string;
      task: { __typename: string; residentId?: string };
    }[];
  };
}

const journeySelection = (event: string) => `
  activeLifeEvents
  journey(event: ${event}) {
    active
    event { kind title }
    steps {
      position title why agency
      task { __typename ... on MedicareEnrollment { residentId } ... on TaxRefund { residentId } ... on NewbornSocialSecurityCard { residentId } }
    }
  }`;

describe('life-events subgraph: Resident.journey and activeLifeEvents', () => {
  let subgraph: TestSubgraph<LifeEventsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(lifeEventsSubgraph);
  });
  afterAll(() => subgraph.stop());

  async function journeyOf(residentId: string, event: string) {
    const result = await subgraph.query<{ _entities: (JourneyAnswer | null)[] }>(
      entitiesQuery('Resident', journeySelection(event)),
      {
        as: residentId,
        variables: { representations: [resident(residentId)] },
      },
    );
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!;
  }

  it('shows Ava (turning 65 in two months) her TURNING_65 journey as active, Medicare first', async () => {
    const ava = await journeyOf('rsd_ava', 'TURNING_65');
    expect(ava.activeLifeEvents).toEqual(['TURNING_65']);
    expect(ava.journey.active).toBe(true);
    expect(ava.journey.event).toEqual({ kind: 'TURNING_65', title: 'Turning 65' });
    expect(ava.journey.steps.map((s) => [s.position, s.agency, s.task.__typename])).toEqual([
      [1, 'CMS', 'MedicareEnrollment'],
      [2, 'SSA', 'RetirementApplication'],
      [3, 'STATE', 'PassportRenewal'],
    ]);
    expect(ava.journey.steps[0]).toMatchObject({
      title: 'Sign up for Medicare',
      task: { __typename: 'MedicareEnrollment', residentId: 'rsd_ava' },
    });
    expect(ava.journey.steps[0]?.why).toContain('7 months');
  });

  it('shows Nora (baby born 12 days ago) HAVING_A_CHILD as active, the newborn’s card first', async () => {
    const nora = await journeyOf('rsd_nora', 'HAVING_A_CHILD');
    expect(nora.activeLifeEvents).toEqual(['HAVING_A_CHILD']);
    expect(nora.journey.active).toBe(true);
    expect(nora.journey.steps.map((s) => [s.position, s.agency, s.task.__typename])).toEqual([
      [1, 'SSA', 'NewbornSocialSecurityCard'],
      [2, 'IRS', 'ChildTaxCredit'],
      [3, 'STATE', 'ChildPassportApplication'],
    ]);
    expect(nora.journey.steps[0]?.task).toEqual({
      __typename: 'NewbornSocialSecurityCard',
      residentId: 'rsd_nora',
    });
  });

  it('shows Marcus (moving to Arizona) MOVING as active, mail forwarding first and the refund last', async () => {
    const marcus = await journeyOf('rsd_marcus', 'MOVING');
    expect(marcus.activeLifeEvents).toEqual(['MOVING']);
    expect(marcus.journey.active).toBe(true);
    expect(marcus.journey.steps.map((s) => [s.position, s.agency, s.task.__typename])).toEqual([
      [1, 'USPS', 'MailForwarding'],
      [2, 'IRS', 'TaxAddressChange'],
      [3, 'SSA', 'SocialSecurityAddressUpdate'],
      [4, 'IRS', 'TaxRefund'],
    ]);
    expect(marcus.journey.steps[3]?.task).toEqual({
      __typename: 'TaxRefund',
      residentId: 'rsd_marcus',
    });
  });

  it('shows Dana (separating in 110 days) LEAVING_MILITARY as active, VA’s steps first, then the move', async () => {
    const dana = await journeyOf('rsd_dana', 'LEAVING_MILITARY');
    expect(dana.activeLifeEvents).toEqual(['LEAVING_MILITARY']);
    expect(dana.journey.active).toBe(true);
    expect(dana.journey.steps.map((s) => [s.position, s.agency, s.task.__typename])).toEqual([
      [1, 'VA', 'DisabilityClaim'],
      [2, 'VA', 'VaHealthCareEnrollment'],
      [3, 'VA', 'GiBill'],
      [4, 'USPS', 'MailForwarding'],
      [5, 'IRS', 'TaxAddressChange'],
    ]);
    expect(dana.journey.steps[0]?.why).toContain('180 to 90 days');
  });

  it('shows Grace (nothing pending) no active life event, yet any journey on request, marked inactive', async () => {
    const grace = await journeyOf('rsd_grace', 'MOVING');
    expect(grace.activeLifeEvents).toEqual([]);
    expect(grace.journey.active).toBe(false);
    expect(grace.journey.steps).toHaveLength(4);
    expect(grace.journey.steps.every((s) => s.why.length > 0)).toBe(true);
  });

  it('marks a journey inactive when it is not the one the resident is going through', async () => {
    const ava = await journeyOf('rsd_ava', 'MOVING');
    expect(ava.journey.active).toBe(false);
  });

  it('refuses to show resident B’s journey or life events to resident A', async () => {
    const result = await subgraph.query<{ _entities: unknown[] }>(
      entitiesQuery('Resident', 'journey(event: MOVING) { active }'),
      {
        as: 'rsd_ava',
        variables: { representations: [resident('rsd_marcus')] },
      },
    );
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const events = await subgraph.query<{ _entities: unknown[] }>(
      entitiesQuery('Resident', 'activeLifeEvents'),
      {
        as: 'rsd_ava',
        variables: { representations: [resident('rsd_marcus')] },
      },
    );
    expect(events.data?._entities).toEqual([null]);
    expect(events.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('asks an anonymous caller to sign in before showing a journey', async () => {
    const result = await subgraph.query<{ _entities: unknown[] }>(
      entitiesQuery('Resident', 'journey(event: TURNING_65) { active }'),
      {
        as: null,
        variables: { representations: [resident('rsd_ava')] },
      },
    );
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('derives TURNING_65 from the birth date the gateway sends, not from anything stored', async () => {
    const activeFor = async (birthDate: string) => {
      const result = await subgraph.query<{ _entities: { activeLifeEvents: string[] }[] }>(
        entitiesQuery('Resident', 'activeLifeEvents journey(event: TURNING_65) { active }'),
        { as: 'rsd_grace', variables: { representations: [resident('rsd_grace', birthDate)] } },
      );
      expect(result.errors).toBeUndefined();
      return result.data!._entities[0];
    };
    // Grace's own birth date: nowhere near 65. The same resident, 65 on 2026-08-01: turning 65.
    expect(await activeFor(birthDates['rsd_grace']!)).toEqual({
      activeLifeEvents: [],
      journey: { active: false },
    });
    expect(await activeFor('1961-08-01')).toEqual({
      activeLifeEvents: ['TURNING_65'],
      journey: { active: true },
    });
  });

  it('keeps no TURNING_65 and no birth date in its store, only what residents declared', async () => {
    const rows = await subgraph.store.db
      .selectFrom('resident_life_event')
      .selectAll()
      .orderBy('resident_id')
      .execute();
    expect(rows).toEqual([
      {
        resident_id: 'rsd_dana',
        kind: 'LEAVING_MILITARY',
        event_date: '2026-10-03',
        declared_on: '2026-04-06',
      },
      {
        resident_id: 'rsd_marcus',
        kind: 'MOVING',
        event_date: '2026-06-24',
        declared_on: '2026-06-09',
      },
      {
        resident_id: 'rsd_nora',
        kind: 'HAVING_A_CHILD',
        event_date: '2026-06-03',
        declared_on: '2026-06-03',
      },
    ]);
  });

  it('fails (masked) rather than guessing when the gateway did not send the birth date', async () => {
    const result = await subgraph.query<{ _entities: unknown[] }>(
      entitiesQuery('Resident', 'activeLifeEvents'),
      {
        as: 'rsd_ava',
        variables: { representations: [{ __typename: 'Resident', id: 'rsd_ava' }] },
      },
    );
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(result.errors?.[0]?.message).not.toContain('birthDate');
  });
});

describe('life-events subgraph: _entities batching', () => {
  it('resolves 100 distinct Resident representations with one store query per loader, and only the caller’s', async () => {
    const residents = [...generateResidents(100, TEST_TODAY)];
    const subgraph = await startTestSubgraph(lifeEventsSubgraph, { residents });
    try {
      const caller = residents[0]!.id;
      const result = await subgraph.query<{ _entities: (JourneyAnswer | null)[] }>(
        entitiesQuery(
          'Resident',
          'activeLifeEvents journey(event: MOVING) { active event { title agencies steps { title } } steps { position task { __typename } } }',
        ),
        {
          as: caller,
          variables: {
            representations: residents.map((r) => resident(r.id, r.identity.birthDate)),
          },
        },
      );
      // declarationsByResident, lifeEventByKind, stepsByLifeEvent and (MOVING carries news of
      // moves) residentDeclarations: one query each; nobody declared a move, so no notices query.
      expect(subgraph.store.queryCount()).toBe(4);
      expect(result.data?._entities[0]?.journey.steps).toHaveLength(4);
      expect(result.data?._entities[0]?.activeLifeEvents).toEqual(
        activeLifeEventKinds(
          residents[0]!.identity.birthDate,
          simulatedDeclarations(residents[0]!),
          TEST_TODAY,
        ),
      );
      expectOnlyTheCallersEntity(result);
    } finally {
      await subgraph.stop();
    }
  });
});
