import { personas } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CmsDatabase } from '../store/database.js';
import { cmsSubgraph } from '../subgraph.js';

const birthDates = Object.fromEntries(
  personas(TEST_TODAY).map((p) => [p.id, p.identity.birthDate]),
);
const resident = (id: string) => ({ __typename: 'Resident', id, birthDate: birthDates[id] });
const medicare = `medicare {
  partA partB coverageStartsOn automaticallyEnrolled partBLatePenaltyPercent enrollmentPeriod
  initialEnrollmentPeriod { start end isOpen } generalEnrollmentPeriod { start end isOpen }
}`;

describe('cms subgraph: Resident.medicare', () => {
  let subgraph: TestSubgraph<CmsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(cmsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('gives Walter his automatic enrollment and the next General Enrollment Period', async () => {
    const result = await subgraph.query(entitiesQuery('Resident', medicare), {
      as: 'rsd_walter',
      variables: { representations: [resident('rsd_walter')] },
    });
    expect(result).toEqual({
      data: {
        _entities: [
          {
            medicare: {
              partA: 'ENROLLED',
              partB: 'ENROLLED',
              coverageStartsOn: '2026-07-01',
              automaticallyEnrolled: true,
              partBLatePenaltyPercent: 0,
              enrollmentPeriod: 'IEP',
              initialEnrollmentPeriod: { start: '2026-04-01', end: '2026-10-31', isOpen: true },
              generalEnrollmentPeriod: { start: '2027-01-01', end: '2027-03-31', isOpen: false },
            },
          },
        ],
      },
    });
  });

  it('gives Ava her open window and no automatic enrollment (no Social Security benefits yet)', async () => {
    const result = await subgraph.query(entitiesQuery('Resident', medicare), {
      as: 'rsd_ava',
      variables: { representations: [resident('rsd_ava')] },
    });
    expect(
      (result.data as { _entities: { medicare: unknown }[] })._entities[0]?.medicare,
    ).toMatchObject({
      partA: 'NOT_ENROLLED',
      automaticallyEnrolled: false,
      enrollmentPeriod: 'IEP',
      initialEnrollmentPeriod: { start: '2026-05-01', end: '2026-11-30', isOpen: true },
    });
  });

  it('also exposes the sign-up task on the Resident', async () => {
    const result = await subgraph.query(
      entitiesQuery('Resident', 'medicareEnrollment { residentId partA partB status { code } }'),
      {
        as: 'rsd_rosa',
        variables: { representations: [resident('rsd_rosa')] },
      },
    );
    expect(result).toEqual({
      data: {
        _entities: [
          {
            medicareEnrollment: {
              residentId: 'rsd_rosa',
              partA: 'ENROLLED',
              partB: 'PENDING',
              status: { code: 'PENDING' },
            },
          },
        ],
      },
    });
  });

  it('refuses another resident’s Medicare without reading the store', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query(
      entitiesQuery('Resident', 'medicare { partA } medicareEnrollment { title }'),
      { as: 'rsd_ava', variables: { representations: [resident('rsd_walter')] } },
    );
    expect(result.data).toEqual({ _entities: [null] });
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(subgraph.store.queryCount()).toBe(0);
  });

  it('refuses another resident’s Medicare and an anonymous caller', async () => {
    const forbidden = await subgraph.query(entitiesQuery('Resident', 'medicare { partA }'), {
      as: 'rsd_ava',
      variables: { representations: [resident('rsd_walter')] },
    });
    expect(forbidden.data).toEqual({ _entities: [{ medicare: null }] });
    expect(forbidden.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const anonymous = await subgraph.query(
      entitiesQuery('Resident', 'medicareEnrollment { partA }'),
      {
        as: null,
        variables: { representations: [resident('rsd_walter')] },
      },
    );
    expect(anonymous.data).toEqual({ _entities: [null] });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('treats a resident CMS has no record of as not enrolled, not as an error', async () => {
    const result = await subgraph.query(
      entitiesQuery('Resident', 'medicare { partA partB automaticallyEnrolled }'),
      {
        as: 'rsd_unknown',
        variables: {
          representations: [{ __typename: 'Resident', id: 'rsd_unknown', birthDate: '1970-05-05' }],
        },
      },
    );
    expect(result).toEqual({
      data: {
        _entities: [
          {
            medicare: {
              partA: 'NOT_ENROLLED',
              partB: 'NOT_ENROLLED',
              automaticallyEnrolled: false,
            },
          },
        ],
      },
    });
  });
});

// Batching itself is proven on the loader (context.test.ts): Resident fields authorize before they
// load, so a request by one resident only ever loads that resident's record.
describe('cms subgraph: Resident fields for many representations', () => {
  const residents = [...generateResidents(100, TEST_TODAY)];
  const caller = residents[0]!.id;
  const representations = residents.map((r) => ({
    __typename: 'Resident',
    id: r.id,
    birthDate: r.identity.birthDate,
  }));
  let subgraph: TestSubgraph<CmsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(cmsSubgraph, { residents });
  });
  afterAll(() => subgraph.stop());

  it('answers 100 Resident representations’ medicare with the caller’s record alone, in one query', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{
      _entities: ({ id: string; medicare: { partA: string } | null } | null)[];
    }>(entitiesQuery('Resident', 'id medicare { partA }'), {
      as: caller,
      variables: { representations },
    });
    expect(subgraph.store.queryCount()).toBe(1);
    expect(result.data?._entities).toHaveLength(100);
    expect(result.data?._entities[0]).toEqual({
      id: caller,
      medicare: { partA: residents[0]!.cms.partA },
    });
    expect(result.data?._entities.slice(1).every((e) => e?.medicare === null)).toBe(true);
    expect(result.errors).toHaveLength(99);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });

  it('shares the one query between medicare and medicareEnrollment', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query(
      entitiesQuery('Resident', 'medicare { partA } medicareEnrollment { partB }'),
      {
        as: caller,
        variables: { representations },
      },
    );
    expect(subgraph.store.queryCount()).toBe(1);
    // Two refused fields for each of the 99 others.
    expect(result.errors).toHaveLength(198);
  });
});
