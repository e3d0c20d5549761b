import {
  personaHandles,
  personaResidentId,
  personas,
  type SsaApplicationStatus,
} from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
  expectStatusCodeEnum,
  expectOnlyTheCallersEntity,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retirementApplicationStatus } from '../domain/retirement-application-status.js';
import type { SsaDatabase } from '../store/database.js';
import { ssaSubgraph } from '../subgraph.js';

const selection = `residentId agency title filedOn
  status { code label description nextSteps step stepCount actionRequired actionDeadline lastChangedOn }`;
const birthDates = Object.fromEntries(
  personas(TEST_TODAY).map((p) => [p.id, p.identity.birthDate]),
);
/** As the gateway sends it: the key, plus `resident { birthDate }` for `status`, which requires it. */
const representation = (residentId: string, birthDate = birthDates[residentId]) => ({
  __typename: 'RetirementApplication',
  residentId,
  resident: { birthDate },
});

describe('ssa subgraph: RetirementApplication', () => {
  let subgraph: TestSubgraph<SsaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(ssaSubgraph);
  });
  afterAll(() => subgraph.stop());

  async function applicationOf(residentId: string) {
    const result = await subgraph.query<{
      _entities: (Record<string, unknown> & {
        status: { description: string; nextSteps: string[] };
      })[];
    }>(entitiesQuery('RetirementApplication', selection), {
      as: residentId,
      variables: { representations: [representation(residentId)] },
    });
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!;
  }

  it('asks Rosa for documents, step 2 of 4, due 30 days after the request', async () => {
    const rosa = await applicationOf('rsd_rosa');
    expect(rosa).toMatchObject({
      residentId: 'rsd_rosa',
      agency: 'SSA',
      title: 'Apply for Social Security retirement benefits',
      filedOn: '2026-05-06',
      status: {
        code: 'DOCUMENTS_REQUESTED',
        label: 'Documents needed',
        step: 2,
        stepCount: 4,
        actionRequired: true,
        actionDeadline: '2026-07-06',
        lastChangedOn: '2026-06-06',
      },
    });
  });

  it('shows Walter’s application decided and his benefits started', async () => {
    const walter = await applicationOf('rsd_walter');
    expect(walter).toMatchObject({
      filedOn: '2023-04-20',
      status: { code: 'DECIDED', step: 4, stepCount: 4, actionRequired: false },
    });
    expect(walter.status.description).toContain('July 2023');
  });

  it('gives Ava, who has not applied, NOT_STARTED naming the months she can start', async () => {
    const result = await subgraph.query<{
      _entities: { filedOn: null; status: Record<string, unknown> & { nextSteps: string[] } }[];
    }>(entitiesQuery('RetirementApplication', selection), {
      as: 'rsd_ava',
      variables: {
        representations: [
          {
            __typename: 'RetirementApplication',
            residentId: 'rsd_ava',
            resident: { birthDate: '1961-08-15' },
          },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    const ava = result.data!._entities[0]!;
    expect(ava).toMatchObject({
      filedOn: null,
      status: {
        code: 'NOT_STARTED',
        label: 'Not started',
        step: null,
        actionRequired: false,
        lastChangedOn: null,
      },
    });
    expect(ava.status.description).toContain('You can apply now');
    expect(ava.status.nextSteps[0]).toBe(
      'Benefits can start as soon as July 2026, at a lower amount for life. You get your full benefit from August 2028, and more if you wait, up to August 2031 (age 70).',
    );
  });

  it('gives the same status as Resident.retirementApplication', async () => {
    const status = 'status { code label description nextSteps actionRequired }';
    const viaResident = await subgraph.query<{
      _entities: { retirementApplication: { status: unknown } }[];
    }>(entitiesQuery('Resident', `retirementApplication { ${status} }`), {
      as: 'rsd_ava',
      variables: {
        representations: [{ __typename: 'Resident', id: 'rsd_ava', birthDate: '1961-08-15' }],
      },
    });
    const viaTask = await subgraph.query<{ _entities: { status: unknown }[] }>(
      entitiesQuery('RetirementApplication', status),
      { as: 'rsd_ava', variables: { representations: [representation('rsd_ava', '1961-08-15')] } },
    );
    expect(viaTask.errors).toBeUndefined();
    expect(viaTask.data?._entities[0]?.status).toEqual(
      viaResident.data?._entities[0]?.retirementApplication.status,
    );
  });

  it('answers fields that need no birth date from a bare key', async () => {
    const result = await subgraph.query(
      entitiesQuery('RetirementApplication', 'residentId agency title filedOn'),
      {
        as: 'rsd_rosa',
        variables: {
          representations: [{ __typename: 'RetirementApplication', residentId: 'rsd_rosa' }],
        },
      },
    );
    expect(result).toEqual({
      data: {
        _entities: [
          {
            residentId: 'rsd_rosa',
            agency: 'SSA',
            title: 'Apply for Social Security retirement benefits',
            filedOn: '2026-05-06',
          },
        ],
      },
    });
  });

  it('masks a missing required birth date as an internal error rather than guessing', async () => {
    const result = await subgraph.query(entitiesQuery('RetirementApplication', 'status { code }'), {
      as: 'rsd_ava',
      variables: {
        representations: [{ __typename: 'RetirementApplication', residentId: 'rsd_ava' }],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0]?.message).not.toContain('birthDate');
  });

  it('refuses another resident’s application and an anonymous caller', async () => {
    const forbidden = await subgraph.query(entitiesQuery('RetirementApplication', 'title'), {
      as: 'rsd_ava',
      variables: { representations: [representation('rsd_rosa')] },
    });
    expect(forbidden.data).toEqual({ _entities: [null] });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await subgraph.query(entitiesQuery('RetirementApplication', 'title'), {
      as: null,
      variables: { representations: [representation('rsd_rosa')] },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('ssa subgraph: RetirementApplication _entities batching', () => {
  it('resolves 100 distinct representations with one store query, and only the caller’s', async () => {
    const residents = [...generateResidents(100, TEST_TODAY)];
    const subgraph = await startTestSubgraph(ssaSubgraph, { residents });
    try {
      const caller = residents[0]!.id;
      const result = await subgraph.query<{ _entities: ({ residentId: string } | null)[] }>(
        entitiesQuery('RetirementApplication', 'residentId status { code }'),
        {
          as: caller,
          variables: {
            representations: residents.map((r) => representation(r.id, r.identity.birthDate)),
          },
        },
      );
      expect(subgraph.store.queryCount()).toBe(1);
      expect(result.data?._entities[0]?.residentId).toBe(caller);
      expectOnlyTheCallersEntity(result);
    } finally {
      await subgraph.stop();
    }
  });
});

describe('ssa subgraph: RetirementApplication.statusCode', () => {
  let subgraph: TestSubgraph<SsaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(ssaSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const stored = Object.keys({
      RECEIVED: true,
      DOCUMENTS_REQUESTED: true,
      IN_REVIEW: true,
      DECIDED: true,
    } satisfies Record<SsaApplicationStatus, true>) as SsaApplicationStatus[];
    const context = { today: TEST_TODAY, birthDate: '1961-08-15', benefitsStartedOn: null };
    const produced = [
      null,
      ...stored.map((status) => ({ status, filedOn: '2026-05-06', changedOn: '2026-06-06' })),
    ].map((application) => retirementApplicationStatus(application, context).code);
    await expectStatusCodeEnum(subgraph, 'RetirementApplicationStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('RetirementApplication', 'statusCode status { code }'), {
        as: residentId,
        variables: { representations: [representation(residentId)] },
      });
      expect(result.errors).toBeUndefined();
      const [application] = result.data!._entities;
      expect(application!.statusCode).toBe(application!.status.code);
    },
  );

  it('requires the birth date, as status does', async () => {
    const result = await subgraph.query(entitiesQuery('RetirementApplication', 'statusCode'), {
      as: 'rsd_rosa',
      variables: {
        representations: [{ __typename: 'RetirementApplication', residentId: 'rsd_rosa' }],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
