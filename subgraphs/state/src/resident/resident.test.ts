import { generateResidents } from '@resident-graph/personas/generate';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateDatabase } from '../store/database.js';
import { stateSubgraph } from '../subgraph.js';

const residentQuery = entitiesQuery(
  'Resident',
  'id passport { issuedOn expiresOn validityYears canRenewOnline onlineRenewalIneligibleReasons } passportRenewal { status { code } } childPassportApplication { status { code } }',
);
const asResident = (id: string) => ({ representations: [{ __typename: 'Resident', id }] });

describe('state subgraph: Resident', () => {
  let subgraph: TestSubgraph<StateDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(stateSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('adds Ava’s passport and passport tasks to her Resident, in one query for both passport fields', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query(residentQuery, {
      as: 'rsd_ava',
      variables: asResident('rsd_ava'),
    });
    expect(result).toEqual({
      data: {
        _entities: [
          {
            id: 'rsd_ava',
            passport: {
              issuedOn: '2016-09-15',
              expiresOn: '2026-09-15',
              validityYears: 10,
              canRenewOnline: true,
              onlineRenewalIneligibleReasons: [],
            },
            passportRenewal: { status: { code: 'RENEW_SOON' } },
            childPassportApplication: { status: { code: 'NOT_AVAILABLE' } },
          },
        ],
      },
    });
    // Passport and renewal share one loader; the child application is another: two queries in all.
    expect(subgraph.store.queryCount()).toBe(2);
  });

  it.each([
    ['rsd_ava', 'RENEW_SOON', 'NOT_AVAILABLE'],
    ['rsd_walter', 'NO_PASSPORT', 'NOT_AVAILABLE'],
    ['rsd_rosa', 'VALID', 'NOT_AVAILABLE'],
    ['rsd_nora', 'VALID', 'NOT_AVAILABLE'],
    ['rsd_marcus', 'NO_PASSPORT', 'NOT_AVAILABLE'],
    ['rsd_grace', 'VALID', 'NOT_AVAILABLE'],
  ])(
    'gives %s a passport renewal (%s) and a child passport task (%s)',
    async (id, renewal, child) => {
      const result = await subgraph.query(residentQuery, { as: id, variables: asResident(id) });
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toMatchObject([
        {
          id,
          passportRenewal: { status: { code: renewal } },
          childPassportApplication: { status: { code: child } },
        },
      ]);
    },
  );

  it('answers null for the passport of a resident who has none, with the task saying so', async () => {
    const result = await subgraph.query(residentQuery, {
      as: 'rsd_marcus',
      variables: asResident('rsd_marcus'),
    });
    expect(result.data).toEqual({
      _entities: [
        {
          id: 'rsd_marcus',
          passport: null,
          passportRenewal: { status: { code: 'NO_PASSPORT' } },
          childPassportApplication: { status: { code: 'NOT_AVAILABLE' } },
        },
      ],
    });
  });

  it('refuses another resident’s passport without reading it', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{ _entities: unknown[] }>(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { passport { expiresOn } } } }',
      {
        as: 'rsd_ava',
        variables: asResident('rsd_grace'),
      },
    );
    expect(result.data?._entities).toEqual([{ passport: null }]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(subgraph.store.queryCount()).toBe(0);
  });
});

describe('state subgraph: _entities batching', () => {
  const residents = [...generateResidents(100, TEST_TODAY)];
  const caller = residents[0]!.id;
  let subgraph: TestSubgraph<StateDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(stateSubgraph, { residents });
  });
  afterAll(() => subgraph.stop());

  it.each([
    ['PassportRenewal', 'residentId status { code }'],
    ['ChildPassportApplication', 'residentId status { code }'],
  ])(
    'resolves 100 distinct %s representations with one store query, and only the caller’s',
    async (typename, selection) => {
      subgraph.store.resetQueryCount();
      const result = await subgraph.query<{ _entities: ({ residentId: string } | null)[] }>(
        entitiesQuery(typename, selection),
        {
          as: caller,
          variables: {
            representations: residents.map((r) => ({ __typename: typename, residentId: r.id })),
          },
        },
      );
      expect(subgraph.store.queryCount()).toBe(1);
      expect(result.data?._entities[0]?.residentId).toBe(caller);
      expect(result.data?._entities.slice(1).every((e) => e === null)).toBe(true);
      // Two refused fields per other resident (passport, passportRenewal), all FORBIDDEN.
      expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(
        new Set(['FORBIDDEN']),
      );
    },
  );

  // Resident fields authorize before they load, so only the caller's record is read; batching
  // itself is proven on the loaders (context.test.ts).
  it('answers 100 Resident representations’ passport fields with the caller’s record alone, in one query', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{ _entities: ({ id: string } | null)[] }>(
      entitiesQuery('Resident', 'id passport { expiresOn } passportRenewal { status { code } }'),
      {
        as: caller,
        variables: {
          representations: residents.map((r) => ({ __typename: 'Resident', id: r.id })),
        },
      },
    );
    expect(subgraph.store.queryCount()).toBe(1);
    expect(result.data?._entities[0]?.id).toBe(caller);
    expect(result.data?._entities.slice(1).every((e) => e === null)).toBe(true);
    // Two refused fields per other resident (passport, passportRenewal), all FORBIDDEN.
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });
});
