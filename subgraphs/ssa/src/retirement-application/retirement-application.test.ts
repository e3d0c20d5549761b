import { generateResidents } from '@resident-graph/personas';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsaDatabase } from '../store/database.js';
import { ssaSubgraph } from '../subgraph.js';

const selection = `residentId agency title filedOn
  status { code label description nextSteps step stepCount actionRequired actionDeadline lastChangedAt }`;
const representation = (residentId: string) => ({
  __typename: 'RetirementApplication',
  residentId,
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
        lastChangedAt: '2026-06-06T00:00:00.000Z',
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

  it('gives Ava, who has not applied, NOT_STARTED with how and when to apply', async () => {
    const ava = await applicationOf('rsd_ava');
    expect(ava).toMatchObject({
      filedOn: null,
      status: {
        code: 'NOT_STARTED',
        label: 'Not started',
        step: null,
        actionRequired: false,
        lastChangedAt: null,
      },
    });
    expect(ava.status.description).toContain('up to 4 months before');
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
          variables: { representations: residents.map((r) => representation(r.id)) },
        },
      );
      expect(subgraph.store.queryCount()).toBe(1);
      expect(result.data?._entities).toHaveLength(100);
      expect(result.data?._entities[0]?.residentId).toBe(caller);
      expect(result.data?._entities.slice(1).every((e) => e === null)).toBe(true);
      expect(result.errors).toHaveLength(99);
      expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(
        new Set(['FORBIDDEN']),
      );
    } finally {
      await subgraph.stop();
    }
  });
});
