import {
  personaHandles,
  personaResidentId,
  personas,
  type MedicarePartStatus,
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
import { medicareEnrollmentStatus, NO_MEDICARE_RECORD } from '../domain/medicare-status.js';
import type { CmsDatabase } from '../store/database.js';
import { cmsSubgraph } from '../subgraph.js';

const birthDates = Object.fromEntries(
  personas(TEST_TODAY).map((p) => [p.id, p.identity.birthDate]),
);
/** As the gateway sends it: the key, plus `resident { birthDate }` for the fields that require it. */
const representation = (residentId: string, birthDate = birthDates[residentId]) => ({
  __typename: 'MedicareEnrollment',
  residentId,
  resident: { birthDate },
});
const selection = `residentId agency title partA partB enrollmentPeriod initialEnrollmentPeriod { start end isOpen }
  status { code label description nextSteps expectedBy actionRequired actionDeadline lastChangedOn }`;

describe('cms subgraph: MedicareEnrollment', () => {
  let subgraph: TestSubgraph<CmsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(cmsSubgraph);
  });
  afterAll(() => subgraph.stop());

  async function enrollmentOf(residentId: string) {
    const result = await subgraph.query<{
      _entities: (Record<string, unknown> & {
        status: { description: string; nextSteps: string[] };
      })[];
    }>(entitiesQuery('MedicareEnrollment', selection), {
      as: residentId,
      variables: { representations: [representation(residentId)] },
    });
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!;
  }

  it('tells Ava (65 in August) her Initial Enrollment Period is open until November 30', async () => {
    expect(await enrollmentOf('rsd_ava')).toMatchObject({
      residentId: 'rsd_ava',
      agency: 'CMS',
      title: 'Sign up for Medicare',
      partA: 'NOT_ENROLLED',
      partB: 'NOT_ENROLLED',
      enrollmentPeriod: 'IEP',
      initialEnrollmentPeriod: { start: '2026-05-01', end: '2026-11-30', isOpen: true },
      status: {
        code: 'NOT_ENROLLED',
        label: 'Sign-up window open',
        actionRequired: true,
        actionDeadline: '2026-11-30',
        nextSteps: expect.arrayContaining([
          expect.stringContaining('usually done through Social Security'),
        ]),
      },
    });
  });

  it('shows Walter enrolled automatically, coverage from the month he turns 65', async () => {
    const walter = await enrollmentOf('rsd_walter');
    expect(walter).toMatchObject({
      partA: 'ENROLLED',
      partB: 'ENROLLED',
      enrollmentPeriod: 'IEP',
      initialEnrollmentPeriod: { start: '2026-04-01', end: '2026-10-31', isOpen: true },
      status: {
        code: 'ENROLLED',
        label: 'Enrolled',
        expectedBy: '2026-07-01',
        actionRequired: false,
        lastChangedOn: '2026-04-15',
      },
    });
    expect(walter.status.description).toContain('enrolled automatically');
  });

  it('shows Rosa Part A enrolled and Part B pending', async () => {
    const rosa = await enrollmentOf('rsd_rosa');
    expect(rosa).toMatchObject({
      partA: 'ENROLLED',
      partB: 'PENDING',
      enrollmentPeriod: 'IEP',
      status: { code: 'PENDING', actionRequired: false },
    });
    expect(rosa.status.description).toContain('Part B: being processed');
  });

  it('tells Nora (32) when her window will open, decades ahead', async () => {
    expect(await enrollmentOf('rsd_nora')).toMatchObject({
      enrollmentPeriod: null,
      initialEnrollmentPeriod: { start: '2058-11-01', end: '2059-05-31', isOpen: false },
      status: { code: 'NOT_ENROLLED', label: 'Not enrolled yet', actionRequired: false },
    });
  });

  it('moves Grace’s window a month earlier: born on January 1, she turns 65 in December', async () => {
    expect(birthDates.rsd_grace).toBe('1986-01-01');
    expect(await enrollmentOf('rsd_grace')).toMatchObject({
      initialEnrollmentPeriod: { start: '2050-09-01', end: '2051-03-31' },
    });
  });

  it('answers fields that need no birth date from a bare key', async () => {
    const result = await subgraph.query(
      entitiesQuery('MedicareEnrollment', 'residentId partA partB title'),
      {
        as: 'rsd_rosa',
        variables: {
          representations: [{ __typename: 'MedicareEnrollment', residentId: 'rsd_rosa' }],
        },
      },
    );
    expect(result).toEqual({
      data: {
        _entities: [
          {
            residentId: 'rsd_rosa',
            partA: 'ENROLLED',
            partB: 'PENDING',
            title: 'Sign up for Medicare',
          },
        ],
      },
    });
  });

  it('masks a missing required birth date as an internal error rather than guessing', async () => {
    const result = await subgraph.query(entitiesQuery('MedicareEnrollment', 'status { code }'), {
      as: 'rsd_ava',
      variables: { representations: [{ __typename: 'MedicareEnrollment', residentId: 'rsd_ava' }] },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0]?.message).not.toContain('birthDate');
  });

  it('refuses another resident’s enrollment and an anonymous caller', async () => {
    const forbidden = await subgraph.query(
      entitiesQuery('MedicareEnrollment', 'partA status { code }'),
      {
        as: 'rsd_ava',
        variables: { representations: [representation('rsd_walter')] },
      },
    );
    expect(forbidden.data).toEqual({ _entities: [null] });
    expect(forbidden.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const anonymous = await subgraph.query(entitiesQuery('MedicareEnrollment', 'partA'), {
      as: null,
      variables: { representations: [representation('rsd_walter')] },
    });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('cms subgraph: MedicareEnrollment _entities batching', () => {
  it('resolves 100 distinct representations with one store query, and only the caller’s', async () => {
    const residents = [...generateResidents(100, TEST_TODAY)];
    const subgraph = await startTestSubgraph(cmsSubgraph, { residents });
    try {
      const caller = residents[0]!.id;
      const result = await subgraph.query<{
        _entities: ({ residentId: string; status: { code: string } } | null)[];
      }>(
        entitiesQuery(
          'MedicareEnrollment',
          'residentId partB status { code } initialEnrollmentPeriod { start }',
        ),
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

describe('cms subgraph: MedicareEnrollment.statusCode', () => {
  let subgraph: TestSubgraph<CmsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(cmsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const parts = Object.keys({
      NOT_ENROLLED: true,
      PENDING: true,
      ENROLLED: true,
    } satisfies Record<MedicarePartStatus, true>) as MedicarePartStatus[];
    // Before, during and after the Initial Enrollment Period, signed up automatically or not.
    const birthDates = ['1993-11-20', '1961-08-15', '1955-03-10'];
    const produced = parts.flatMap((partA) =>
      parts.flatMap((partB) =>
        [true, false].flatMap((enrolledAutomatically) =>
          birthDates.map(
            (birthDate) =>
              medicareEnrollmentStatus(
                {
                  ...NO_MEDICARE_RECORD,
                  partA,
                  partB,
                  enrolledAutomatically,
                  coverageStartsOn:
                    partA === partB && partA === 'NOT_ENROLLED' ? null : '2026-08-01',
                },
                birthDate,
                TEST_TODAY,
              ).code,
          ),
        ),
      ),
    );
    await expectStatusCodeEnum(subgraph, 'MedicareEnrollmentStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('MedicareEnrollment', 'statusCode status { code }'), {
        as: residentId,
        variables: { representations: [representation(residentId)] },
      });
      expect(result.errors).toBeUndefined();
      const [task] = result.data!._entities;
      expect(task!.statusCode).toBe(task!.status.code);
    },
  );

  it('requires the birth date, as status does', async () => {
    const result = await subgraph.query(entitiesQuery('MedicareEnrollment', 'statusCode'), {
      as: 'rsd_rosa',
      variables: {
        representations: [{ __typename: 'MedicareEnrollment', residentId: 'rsd_rosa' }],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
