import { entitiesQuery, startTestSubgraph, type TestSubgraph } from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyTaskTypes } from '../domain/journey-task-type.js';
import type { LifeEventsDatabase } from '../store/database.js';
import { lifeEventsSubgraph } from '../subgraph.js';

// The gateway asks life-events for `resident` on a task another subgraph returned: that is how CMS
// gets the birth date its `@requires(fields: "resident { birthDate }")` needs.
describe('life-events subgraph: agency task references', () => {
  let subgraph: TestSubgraph<LifeEventsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(lifeEventsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it.each(journeyTaskTypes)('resolves a %s representation to its resident', async (type) => {
    const result = await subgraph.query(entitiesQuery(type, 'residentId resident { id }'), {
      as: 'rsd_ava',
      variables: { representations: [{ __typename: type, residentId: 'rsd_ava' }] },
    });
    expect(result).toEqual({
      data: { _entities: [{ residentId: 'rsd_ava', resident: { id: 'rsd_ava' } }] },
    });
  });

  it('refuses another resident’s task, and asks an anonymous caller to sign in', async () => {
    const representations = [{ __typename: 'MedicareEnrollment', residentId: 'rsd_rosa' }];
    const forbidden = await subgraph.query(entitiesQuery('MedicareEnrollment', 'resident { id }'), {
      as: 'rsd_ava',
      variables: { representations },
    });
    expect(forbidden.data).toEqual({ _entities: [null] });
    expect(forbidden.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const anonymous = await subgraph.query(entitiesQuery('MedicareEnrollment', 'resident { id }'), {
      as: null,
      variables: { representations },
    });
    expect(anonymous.data).toEqual({ _entities: [null] });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('resolves a journey step’s task to its resident without touching the store', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query(entitiesQuery('TaxRefund', 'resident { id }'), {
      as: 'rsd_marcus',
      variables: { representations: [{ __typename: 'TaxRefund', residentId: 'rsd_marcus' }] },
    });
    expect(result.data).toEqual({ _entities: [{ resident: { id: 'rsd_marcus' } }] });
    expect(subgraph.store.queryCount()).toBe(0);
  });
});
