import { addDays } from '@resident-graph/calendar';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaDatabase } from '../store/database.js';
import { vaSubgraph } from '../subgraph.js';

const tasks = `id
  disabilityClaim { residentId agency statusCode status { code step stepCount actionRequired } separationOn bddOpensOn bddClosesOn filedOn compensationFrom }
  giBill { statusCode noTimeLimit useBy }
  vaHealthCare { statusCode enrolledOn enhancedEligibilityEndsOn status { actionRequired actionDeadline } }`;
const query = entitiesQuery('Resident', tasks);
const asResident = (id: string) => ({ representations: [{ __typename: 'Resident', id }] });

describe('va subgraph: Resident', () => {
  let subgraph: TestSubgraph<VaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(vaSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('gives Dana, leaving the military, her BDD claim at step 3 of 8 and her combat-veteran health care window', async () => {
    const separationOn = addDays(TEST_TODAY, 110);
    const result = await subgraph.query(query, {
      as: 'rsd_dana',
      variables: asResident('rsd_dana'),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        id: 'rsd_dana',
        disabilityClaim: {
          residentId: 'rsd_dana',
          agency: 'VA',
          statusCode: 'EVIDENCE_GATHERING',
          status: { code: 'EVIDENCE_GATHERING', step: 3, stepCount: 8, actionRequired: true },
          separationOn,
          bddOpensOn: addDays(separationOn, -180),
          bddClosesOn: addDays(separationOn, -90),
          filedOn: addDays(separationOn, -135),
          compensationFrom: addDays(separationOn, 1),
        },
        giBill: { statusCode: 'NO_TIME_LIMIT', noTimeLimit: true, useBy: null },
        vaHealthCare: {
          statusCode: 'NOT_ENROLLED',
          enrolledOn: null,
          enhancedEligibilityEndsOn: '2036-10-03',
          status: { actionRequired: true, actionDeadline: '2036-10-03' },
        },
      },
    ]);
  });

  it('answers for a resident VA has no record of: no service on record, nothing invented', async () => {
    const result = await subgraph.query(query, { as: 'rsd_ava', variables: asResident('rsd_ava') });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        id: 'rsd_ava',
        disabilityClaim: expect.objectContaining({
          statusCode: 'NO_SERVICE_RECORD',
          separationOn: null,
          filedOn: null,
        }),
        giBill: { statusCode: 'NO_SERVICE_RECORD', noTimeLimit: null, useBy: null },
        vaHealthCare: expect.objectContaining({ statusCode: 'NO_SERVICE_RECORD' }),
      },
    ]);
  });

  it('refuses another resident’s tasks without reading the store', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{ _entities: unknown[] }>(
      entitiesQuery('Resident', 'id giBill { statusCode }'),
      { as: 'rsd_ava', variables: asResident('rsd_dana') },
    );
    // The field is non-null, so the refusal nulls the whole entity, with FORBIDDEN.
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(subgraph.store.queryCount()).toBe(0);
  });

  it.each(['DisabilityClaim', 'GiBill', 'VaHealthCareEnrollment'])(
    'resolves %s by reference, for the caller only',
    async (typename) => {
      const result = await subgraph.query<{ _entities: unknown[] }>(
        entitiesQuery(typename, 'residentId agency title'),
        {
          as: 'rsd_dana',
          variables: {
            representations: [
              { __typename: typename, residentId: 'rsd_dana' },
              { __typename: typename, residentId: 'rsd_nora' },
            ],
          },
        },
      );
      expect(result.data?._entities).toEqual([
        { residentId: 'rsd_dana', agency: 'VA', title: expect.any(String) },
        null,
      ]);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    },
  );
});
