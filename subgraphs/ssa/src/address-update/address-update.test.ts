import { personaHandles, personaResidentId } from '@resident-graph/personas';
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
import { addressUpdateStatus } from '../domain/address-update-status.js';
import type { SsaDatabase } from '../store/database.js';
import { ssaSubgraph } from '../subgraph.js';

const selection =
  'residentId agency title submittedOn completedOn status { code label description step stepCount lastChangedOn }';
const representation = (residentId: string) => ({
  __typename: 'SocialSecurityAddressUpdate',
  residentId,
});

describe('ssa subgraph: SocialSecurityAddressUpdate', () => {
  let subgraph: TestSubgraph<SsaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(ssaSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('shows Marcus his address updated with SSA, and that USPS/IRS notices do not count', async () => {
    const result = await subgraph.query<{
      _entities: (Record<string, unknown> & {
        status: { description: string; nextSteps: string[] };
      })[];
    }>(entitiesQuery('SocialSecurityAddressUpdate', selection), {
      as: 'rsd_marcus',
      variables: { representations: [representation('rsd_marcus')] },
    });
    expect(result.errors).toBeUndefined();
    const update = result.data!._entities[0]!;
    expect(update).toMatchObject({
      residentId: 'rsd_marcus',
      agency: 'SSA',
      title: 'Update your address with Social Security',
      submittedOn: '2026-06-09',
      completedOn: '2026-06-10',
      status: {
        code: 'COMPLETED',
        label: 'Address updated',
        step: 2,
        stepCount: 2,
        lastChangedOn: '2026-06-10',
      },
    });
    expect(update.status.description).toContain(
      'Telling USPS or the IRS about a move does not update your address with Social Security.',
    );
  });

  it('gives a resident without an address change NOT_NEEDED', async () => {
    const result = await subgraph.query(
      entitiesQuery('SocialSecurityAddressUpdate', 'submittedOn completedOn status { code }'),
      {
        as: 'rsd_grace',
        variables: { representations: [representation('rsd_grace')] },
      },
    );
    expect(result).toEqual({
      data: {
        _entities: [{ submittedOn: null, completedOn: null, status: { code: 'NOT_NEEDED' } }],
      },
    });
  });

  it('refuses another resident’s address change', async () => {
    const result = await subgraph.query(
      entitiesQuery('SocialSecurityAddressUpdate', 'submittedOn'),
      {
        as: 'rsd_grace',
        variables: { representations: [representation('rsd_marcus')] },
      },
    );
    expect(result.data).toEqual({ _entities: [null] });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('ssa subgraph: SocialSecurityAddressUpdate _entities batching', () => {
  it('resolves 100 distinct representations with one store query, and only the caller’s', async () => {
    const residents = [...generateResidents(100, TEST_TODAY)];
    const subgraph = await startTestSubgraph(ssaSubgraph, { residents });
    try {
      const caller = residents[0]!.id;
      const result = await subgraph.query<{ _entities: ({ residentId: string } | null)[] }>(
        entitiesQuery('SocialSecurityAddressUpdate', 'residentId status { code }'),
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

describe('ssa subgraph: SocialSecurityAddressUpdate.statusCode', () => {
  let subgraph: TestSubgraph<SsaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(ssaSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const produced = [
      null,
      { submittedOn: '2026-06-09', completedOn: null },
      { submittedOn: '2026-06-09', completedOn: '2026-06-10' },
    ].map((change) => addressUpdateStatus(change).code);
    await expectStatusCodeEnum(subgraph, 'SocialSecurityAddressUpdateStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('SocialSecurityAddressUpdate', 'statusCode status { code }'), {
        as: residentId,
        variables: { representations: [representation(residentId)] },
      });
      expect(result.errors).toBeUndefined();
      const [task] = result.data!._entities;
      expect(task!.statusCode).toBe(task!.status.code);
    },
  );
});
