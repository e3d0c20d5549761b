import { generateResidents } from '@resident-graph/personas/generate';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
  expectOnlyTheCallersEntity,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IrsDatabase } from '../store/database.js';
import { irsSubgraph } from '../subgraph.js';

/** The parts of a task response the assertions read; the rest is matched with toMatchObject. */
type TaskResult = { status: { description: string; nextSteps: string[] } } & Record<
  string,
  unknown
>;

const residentQuery = entitiesQuery(
  'Resident',
  'id taxRefund { status { code } } taxAddressChange { status { code } } childTaxCredit { creditAmount status { code } }',
);
const asResident = (id: string) => ({ representations: [{ __typename: 'Resident', id }] });

describe('irs subgraph: Resident', () => {
  let subgraph: TestSubgraph<IrsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(irsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('adds Marcus’s moving tasks and Nora’s credit to their Resident', async () => {
    const marcus = await subgraph.query(residentQuery, {
      as: 'rsd_marcus',
      variables: asResident('rsd_marcus'),
    });
    expect(marcus).toEqual({
      data: {
        _entities: [
          {
            id: 'rsd_marcus',
            taxRefund: { status: { code: 'REFUND_APPROVED' } },
            taxAddressChange: { status: { code: 'SUBMITTED' } },
            childTaxCredit: { creditAmount: 0, status: { code: 'NO_QUALIFYING_CHILDREN' } },
          },
        ],
      },
    });
    const nora = await subgraph.query<{ _entities: TaskResult[] }>(residentQuery, {
      as: 'rsd_nora',
      variables: asResident('rsd_nora'),
    });
    expect(nora.data?._entities[0]).toMatchObject({
      taxRefund: { status: { code: 'NO_RETURN' } },
      childTaxCredit: { creditAmount: 2000, status: { code: 'ELIGIBLE' } },
    });
  });

  it.each([
    ['rsd_ava', 'REFUND_SENT', 'NOT_SUBMITTED', 'NO_QUALIFYING_CHILDREN'],
    ['rsd_walter', 'NO_RETURN', 'NOT_SUBMITTED', 'NO_QUALIFYING_CHILDREN'],
    ['rsd_rosa', 'NO_RETURN', 'NOT_SUBMITTED', 'NO_QUALIFYING_CHILDREN'],
    ['rsd_nora', 'NO_RETURN', 'NOT_SUBMITTED', 'ELIGIBLE'],
    ['rsd_marcus', 'REFUND_APPROVED', 'SUBMITTED', 'NO_QUALIFYING_CHILDREN'],
    ['rsd_grace', 'REFUND_SENT', 'NOT_SUBMITTED', 'NO_QUALIFYING_CHILDREN'],
  ])(
    'gives %s a refund (%s), an address change (%s) and a child tax credit (%s)',
    async (id, refund, address, credit) => {
      const result = await subgraph.query(residentQuery, { as: id, variables: asResident(id) });
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toMatchObject([
        {
          id,
          taxRefund: { status: { code: refund } },
          taxAddressChange: { status: { code: address } },
          childTaxCredit: { status: { code: credit } },
        },
      ]);
    },
  );

  it('refuses another resident’s tax fields without reading the store', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{ _entities: unknown[] }>(residentQuery, {
      as: 'rsd_nora',
      variables: asResident('rsd_marcus'),
    });
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(subgraph.store.queryCount()).toBe(0);
  });
});

describe('irs subgraph: _entities batching', () => {
  const residents = [...generateResidents(100, TEST_TODAY)];
  const caller = residents[0]!.id;
  let subgraph: TestSubgraph<IrsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(irsSubgraph, { residents });
  });
  afterAll(() => subgraph.stop());

  it.each(['TaxRefund', 'TaxAddressChange', 'ChildTaxCredit'])(
    'resolves 100 distinct %s representations with one store query, and only the caller’s',
    async (typename) => {
      subgraph.store.resetQueryCount();
      const result = await subgraph.query<{ _entities: ({ residentId: string } | null)[] }>(
        entitiesQuery(typename, 'residentId status { code }'),
        {
          as: caller,
          variables: {
            representations: residents.map((r) => ({ __typename: typename, residentId: r.id })),
          },
        },
      );
      expect(subgraph.store.queryCount()).toBe(1);
      expect(result.data?._entities[0]?.residentId).toBe(caller);
      expectOnlyTheCallersEntity(result);
    },
  );

  it('resolves all three task types for 100 representations each with one store query per type', async () => {
    subgraph.store.resetQueryCount();
    const representations = ['TaxRefund', 'TaxAddressChange', 'ChildTaxCredit'].flatMap(
      (__typename) => residents.map((r) => ({ __typename, residentId: r.id })),
    );
    const result = await subgraph.query<{ _entities: unknown[] }>(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on AgencyTask { residentId status { code } } } }',
      { as: caller, variables: { representations } },
    );
    expect(result.data?._entities).toHaveLength(300);
    expect(result.errors).toHaveLength(297);
    expect(subgraph.store.queryCount()).toBe(3);
  });
});
