import { startTestSubgraph, type TestSubgraph } from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyTaskTypes } from '../domain/journey-task-type.js';
import { lifeEventKinds } from '../domain/life-event-kind.js';
import type { LifeEventsDatabase } from '../store/database.js';
import { lifeEventsSubgraph } from '../subgraph.js';

interface CatalogEvent {
  kind: string;
  title: string;
  summary: string;
  agencies: string[];
  steps: { position: number; title: string; why: string; agency: string; taskType: string }[];
}

const catalogQuery =
  '{ lifeEvents { kind title summary agencies steps { position title why agency taskType } } }';

describe('life-events subgraph: the catalog', () => {
  let subgraph: TestSubgraph<LifeEventsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(lifeEventsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is public: an anonymous caller reads every life event, in catalog order', async () => {
    const result = await subgraph.query<{ lifeEvents: CatalogEvent[] }>(catalogQuery, { as: null });
    expect(result.errors).toBeUndefined();
    expect(result.data?.lifeEvents.map((e) => e.kind)).toEqual([
      'TURNING_65',
      'HAVING_A_CHILD',
      'MOVING',
      'LEAVING_MILITARY',
    ]);
  });

  it('lists each life event’s steps, most time-critical first, each pointing at its agency’s task', async () => {
    const result = await subgraph.query<{ lifeEvents: CatalogEvent[] }>(catalogQuery, { as: null });
    const steps = Object.fromEntries(
      (result.data?.lifeEvents ?? []).map((e) => [
        e.kind,
        e.steps.map((s) => `${s.position} ${s.agency} ${s.taskType}`),
      ]),
    );
    expect(steps).toEqual({
      TURNING_65: [
        '1 CMS MedicareEnrollment',
        '2 SSA RetirementApplication',
        '3 STATE PassportRenewal',
      ],
      HAVING_A_CHILD: [
        '1 SSA NewbornSocialSecurityCard',
        '2 IRS ChildTaxCredit',
        '3 STATE ChildPassportApplication',
      ],
      MOVING: [
        '1 USPS MailForwarding',
        '2 IRS TaxAddressChange',
        '3 SSA SocialSecurityAddressUpdate',
        '4 IRS TaxRefund',
      ],
      LEAVING_MILITARY: [
        '1 VA DisabilityClaim',
        '2 VA VaHealthCareEnrollment',
        '3 VA GiBill',
        '4 USPS MailForwarding',
        '5 IRS TaxAddressChange',
      ],
    });
  });

  it('names the agencies involved once each, in the order their first step comes', async () => {
    const result = await subgraph.query<{ lifeEvents: CatalogEvent[] }>(catalogQuery, { as: null });
    expect(
      Object.fromEntries((result.data?.lifeEvents ?? []).map((e) => [e.kind, e.agencies])),
    ).toEqual({
      TURNING_65: ['CMS', 'SSA', 'STATE'],
      HAVING_A_CHILD: ['SSA', 'IRS', 'STATE'],
      MOVING: ['USPS', 'IRS', 'SSA'],
      LEAVING_MILITARY: ['VA', 'USPS', 'IRS'],
    });
  });

  it('carries plain-language words for every event and step, and only task types the JourneyTask union has', async () => {
    const result = await subgraph.query<{ lifeEvents: CatalogEvent[] }>(catalogQuery, { as: null });
    const events = result.data?.lifeEvents ?? [];
    expect(events).toHaveLength(lifeEventKinds.length);
    for (const event of events) {
      expect(event.title).not.toBe('');
      expect(event.summary.length).toBeGreaterThan(40);
      for (const step of event.steps) {
        expect(step.title).not.toBe('');
        expect(step.why.length).toBeGreaterThan(40);
        expect(journeyTaskTypes).toContain(step.taskType);
      }
    }
    expect(new Set(events.flatMap((e) => e.steps.map((s) => s.taskType)))).toEqual(
      new Set(journeyTaskTypes),
    );
  });

  it('answers lifeEvent(kind) for an anonymous caller', async () => {
    const result = await subgraph.query(
      '{ lifeEvent(kind: MOVING) { kind title steps { position title } } }',
      { as: null },
    );
    expect(result).toEqual({
      data: {
        lifeEvent: {
          kind: 'MOVING',
          title: 'Moving',
          steps: [
            { position: 1, title: 'Forward your mail' },
            { position: 2, title: 'Tell the IRS your new address' },
            { position: 3, title: 'Update your address with Social Security' },
            { position: 4, title: 'Check where your tax refund is going' },
          ],
        },
      },
    });
  });

  it('reads the whole catalog with one query for the events and one for their steps', async () => {
    subgraph.store.resetQueryCount();
    await subgraph.query(catalogQuery, { as: null });
    expect(subgraph.store.queryCount()).toBe(2);
  });
});
