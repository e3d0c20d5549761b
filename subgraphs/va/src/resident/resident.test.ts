import { addYears } from '@resident-graph/calendar';
import { personas } from '@resident-graph/personas';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaDatabase } from '../store/database.js';
import { vaSubgraph } from '../subgraph.js';

const query = entitiesQuery('Resident', 'id vaCase { residentId caseNumber openedOn summary }');
const asResident = (id: string) => ({ representations: [{ __typename: 'Resident', id }] });

describe('va subgraph: Resident', () => {
  let subgraph: TestSubgraph<VaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(vaSubgraph);
  });
  afterAll(() => subgraph.stop());

  it.each(personas(TEST_TODAY).map((p) => [p.id, p.identity.birthDate] as const))(
    'gives %s their own case',
    async (id, birthDate) => {
      const result = await subgraph.query(query, { as: id, variables: asResident(id) });
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([
        {
          id,
          vaCase: {
            residentId: id,
            caseNumber: expect.stringMatching(/^VA-C-\d+$/),
            openedOn: addYears(birthDate, 18),
            summary: 'Registered with VA.',
          },
        },
      ]);
    },
  );

  it('refuses another resident’s case without reading the store', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: 'rsd_ava',
      variables: asResident('rsd_nora'),
    });
    // The field is nullable, so only it is refused, with FORBIDDEN.
    expect(result.data?._entities).toEqual([{ id: 'rsd_nora', vaCase: null }]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(subgraph.store.queryCount()).toBe(0);
  });

  it('resolves its own entity by reference, for the caller only', async () => {
    const result = await subgraph.query<{ _entities: unknown[] }>(
      entitiesQuery('VaCase', 'residentId caseNumber'),
      {
        as: 'rsd_ava',
        variables: {
          representations: [
            { __typename: 'VaCase', residentId: 'rsd_ava' },
            { __typename: 'VaCase', residentId: 'rsd_nora' },
          ],
        },
      },
    );
    expect(result.data?._entities).toEqual([
      { residentId: 'rsd_ava', caseNumber: expect.stringMatching(/^VA-C-/) },
      null,
    ]);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
