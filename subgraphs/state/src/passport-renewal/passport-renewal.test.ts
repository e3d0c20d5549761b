import {
  personaHandles,
  personaResidentId,
  personas,
  type PassportApplicationStatus,
} from '@resident-graph/personas';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
  expectStatusCodeEnum,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passportRenewalStatus } from '../domain/passport-status.js';
import type { StateDatabase } from '../store/database.js';
import { stateSubgraph } from '../subgraph.js';

/** The parts of a task response the assertions read; the rest is matched with toMatchObject. */
type TaskResult = { status: { description: string; nextSteps: string[] } } & Record<
  string,
  unknown
>;

const selection =
  'residentId agency title expiresOn canRenewOnline onlineRenewalIneligibleReasons status { code label description nextSteps expectedFrom expectedBy lastChangedOn step stepCount actionRequired }';
const renewalOf = (residentId: string) => ({
  query: entitiesQuery('PassportRenewal', selection),
  variables: { representations: [{ __typename: 'PassportRenewal', residentId }] },
});

describe('state subgraph: PassportRenewal', () => {
  let subgraph: TestSubgraph<StateDatabase>;
  beforeAll(async () => {
    // The personas, plus Grace with a renewal application in process (no persona has one).
    const residents = personas(TEST_TODAY).map((resident) =>
      resident.id === 'rsd_grace'
        ? {
            ...resident,
            state: {
              ...resident.state,
              renewalApplication: {
                status: 'IN_PROCESS' as const,
                submittedOn: '2026-06-01',
                changedOn: '2026-06-03',
                expedited: true,
              },
            },
          }
        : resident,
    );
    subgraph = await startTestSubgraph(stateSubgraph, { residents });
  });
  afterAll(() => subgraph.stop());

  async function renewal(residentId: string) {
    const { query, variables } = renewalOf(residentId);
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: residentId,
      variables,
    });
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!;
  }

  it('tells Ava her passport expires in three months and she can renew it online', async () => {
    const ava = await renewal('rsd_ava');
    expect(ava).toMatchObject({
      residentId: 'rsd_ava',
      agency: 'STATE',
      title: 'Renew your passport',
      expiresOn: '2026-09-15',
      canRenewOnline: true,
      onlineRenewalIneligibleReasons: [],
      status: {
        code: 'RENEW_SOON',
        label: 'Renew soon',
        actionRequired: false,
        lastChangedOn: '2025-09-15',
        step: null,
      },
    });
    expect(ava.status.description).toContain('September 15, 2026');
    expect(ava.status.nextSteps[0]).toBe('You can renew online at travel.state.gov.');
  });

  it('tells Rosa her passport is valid and when online renewal opens', async () => {
    const rosa = await renewal('rsd_rosa');
    expect(rosa).toMatchObject({
      expiresOn: '2032-06-15',
      canRenewOnline: false,
      status: { code: 'VALID', actionRequired: false },
    });
    expect(rosa.onlineRenewalIneligibleReasons).toEqual([
      'Your passport is valid until June 15, 2032. Online renewal opens a year before it expires, on June 15, 2031.',
    ]);
  });

  it('tells Walter, who has no passport, how to get a first one', async () => {
    const walter = await renewal('rsd_walter');
    expect(walter).toMatchObject({
      expiresOn: null,
      canRenewOnline: false,
      status: { code: 'NO_PASSPORT', label: 'No passport' },
    });
    expect(walter.status.nextSteps[0]).toContain('DS-11');
  });

  it('follows a renewal application in process, expedited: 2 to 3 weeks from receipt', async () => {
    const grace = await renewal('rsd_grace');
    expect(grace.status).toMatchObject({
      code: 'IN_PROCESS',
      expectedFrom: '2026-06-15',
      expectedBy: '2026-06-22',
      lastChangedOn: '2026-06-03',
      step: 1,
      stepCount: 3,
    });
  });

  it('refuses another resident’s task and an anonymous caller', async () => {
    const { query, variables } = renewalOf('rsd_ava');
    const forbidden = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: 'rsd_nora',
      variables,
    });
    expect(forbidden.data?._entities).toEqual([null]);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: null,
      variables,
    });
    expect(anonymous.data?._entities).toEqual([null]);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('state subgraph: PassportRenewal.statusCode', () => {
  let subgraph: TestSubgraph<StateDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(stateSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const applicationStatuses = Object.keys({
      NOT_AVAILABLE: true,
      IN_PROCESS: true,
      ADDITIONAL_INFO_NEEDED: true,
      APPROVED: true,
      MAILED: true,
    } satisfies Record<PassportApplicationStatus, true>) as PassportApplicationStatus[];
    const passport = (expiresOn: string) => ({
      issuedOn: '2016-01-01',
      expiresOn,
      validityYears: 10,
      nameChanged: false,
    });
    const produced = [
      passportRenewalStatus(null, null, TEST_TODAY),
      // Valid for years, expiring within a year, expired.
      ...['2030-01-01', '2026-09-15', '2025-01-01'].map((expiresOn) =>
        passportRenewalStatus(passport(expiresOn), null, TEST_TODAY),
      ),
      ...applicationStatuses.map((status) =>
        passportRenewalStatus(
          passport('2026-09-15'),
          { status, submittedOn: '2026-06-01', changedOn: '2026-06-03', expedited: false },
          TEST_TODAY,
        ),
      ),
    ].map((status) => status.code);
    await expectStatusCodeEnum(subgraph, 'PassportRenewalStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('PassportRenewal', 'statusCode status { code }'), {
        as: residentId,
        variables: { representations: [{ __typename: 'PassportRenewal', residentId }] },
      });
      expect(result.errors).toBeUndefined();
      const [task] = result.data!._entities;
      expect(task!.statusCode).toBe(task!.status.code);
    },
  );
});
