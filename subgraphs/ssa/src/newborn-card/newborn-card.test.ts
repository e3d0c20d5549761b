import { personaHandles, personaResidentId, type SsaCardStatus } from '@resident-graph/personas';
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
import { newbornCardStatus } from '../domain/newborn-card-status.js';
import type { SsaDatabase } from '../store/database.js';
import { ssaSubgraph } from '../subgraph.js';

const selection = `residentId agency title childGivenName requestedOn
  status { code label description step stepCount expectedFrom expectedBy actionRequired lastChangedOn }`;
const representation = (residentId: string) => ({
  __typename: 'NewbornSocialSecurityCard',
  residentId,
});

describe('ssa subgraph: NewbornSocialSecurityCard', () => {
  let subgraph: TestSubgraph<SsaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(ssaSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('shows Nora her baby’s card processing, expected 2–3 weeks after the birth form', async () => {
    const result = await subgraph.query(entitiesQuery('NewbornSocialSecurityCard', selection), {
      as: 'rsd_nora',
      variables: { representations: [representation('rsd_nora')] },
    });
    expect(result).toEqual({
      data: {
        _entities: [
          {
            residentId: 'rsd_nora',
            agency: 'SSA',
            title: 'Get Juniper’s Social Security card',
            childGivenName: 'Juniper',
            requestedOn: '2026-06-03',
            status: {
              code: 'PROCESSING',
              label: 'Processing',
              description: expect.stringContaining('between June 17, 2026 and June 24, 2026'),
              step: 2,
              stepCount: 3,
              expectedFrom: '2026-06-17',
              expectedBy: '2026-06-24',
              actionRequired: false,
              lastChangedOn: '2026-06-10',
            },
          },
        ],
      },
    });
  });

  it('gives a resident without a newborn NO_REQUEST, not null', async () => {
    const result = await subgraph.query(
      entitiesQuery('NewbornSocialSecurityCard', 'childGivenName requestedOn status { code step }'),
      {
        as: 'rsd_marcus',
        variables: { representations: [representation('rsd_marcus')] },
      },
    );
    expect(result).toEqual({
      data: {
        _entities: [
          { childGivenName: null, requestedOn: null, status: { code: 'NO_REQUEST', step: null } },
        ],
      },
    });
  });

  it('refuses another resident’s card', async () => {
    const result = await subgraph.query(
      entitiesQuery('NewbornSocialSecurityCard', 'childGivenName'),
      {
        as: 'rsd_ava',
        variables: { representations: [representation('rsd_nora')] },
      },
    );
    expect(result.data).toEqual({ _entities: [null] });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('Juniper');
  });
});

describe('ssa subgraph: NewbornSocialSecurityCard _entities batching', () => {
  it('resolves 100 distinct representations with one store query, and only the caller’s', async () => {
    const residents = [...generateResidents(100, TEST_TODAY)];
    const subgraph = await startTestSubgraph(ssaSubgraph, { residents });
    try {
      const caller = residents[0]!.id;
      const result = await subgraph.query<{ _entities: ({ residentId: string } | null)[] }>(
        entitiesQuery('NewbornSocialSecurityCard', 'residentId status { code }'),
        {
          as: caller,
          variables: { representations: residents.map((r) => representation(r.id)) },
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

describe('ssa subgraph: NewbornSocialSecurityCard.statusCode', () => {
  let subgraph: TestSubgraph<SsaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(ssaSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const stored = Object.keys({
      REQUESTED: true,
      PROCESSING: true,
      MAILED: true,
    } satisfies Record<SsaCardStatus, true>) as SsaCardStatus[];
    const card = { childGivenName: 'Juniper', requestedOn: '2026-06-03', changedOn: '2026-06-10' };
    const produced = [null, ...stored.map((status) => ({ ...card, status }))].map(
      (facts) => newbornCardStatus(facts).code,
    );
    await expectStatusCodeEnum(subgraph, 'NewbornSocialSecurityCardStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('NewbornSocialSecurityCard', 'statusCode status { code }'), {
        as: residentId,
        variables: { representations: [representation(residentId)] },
      });
      expect(result.errors).toBeUndefined();
      const [task] = result.data!._entities;
      expect(task!.statusCode).toBe(task!.status.code);
    },
  );
});
