import { entitiesQuery, startTestSubgraph, type TestSubgraph } from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UspsDatabase } from '../store/database.js';
import { uspsSubgraph } from '../subgraph.js';

const query = entitiesQuery(
  'Resident',
  'id mailForwarding { residentId forwardingTo { city state } status { code } }',
);
const asResident = (id: string) => ({ representations: [{ __typename: 'Resident', id }] });

describe('usps subgraph: Resident', () => {
  let subgraph: TestSubgraph<UspsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(uspsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('adds mail forwarding to Marcus’s Resident', async () => {
    expect(
      await subgraph.query(query, { as: 'rsd_marcus', variables: asResident('rsd_marcus') }),
    ).toEqual({
      data: {
        _entities: [
          {
            id: 'rsd_marcus',
            mailForwarding: {
              residentId: 'rsd_marcus',
              forwardingTo: { city: 'Tempe', state: 'AZ' },
              status: { code: 'VALIDATION_LETTER_SENT' },
            },
          },
        ],
      },
    });
  });

  it.each([
    ['rsd_ava', 'NO_REQUEST'],
    ['rsd_walter', 'NO_REQUEST'],
    ['rsd_rosa', 'NO_REQUEST'],
    ['rsd_nora', 'NO_REQUEST'],
    ['rsd_marcus', 'VALIDATION_LETTER_SENT'],
    ['rsd_grace', 'NO_REQUEST'],
  ])('gives %s mail forwarding (%s)', async (id, code) => {
    const result = await subgraph.query(query, { as: id, variables: asResident(id) });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toMatchObject([
      { id, mailForwarding: { residentId: id, status: { code } } },
    ]);
  });

  it('refuses another resident’s mail forwarding without reading the store', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: 'rsd_ava',
      variables: asResident('rsd_marcus'),
    });
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(subgraph.store.queryCount()).toBe(0);
  });
});
