import { personaHandles, personaResidentId } from '@resident-graph/personas';
import {
  entitiesQuery,
  startTestSubgraph,
  type TestSubgraph,
  expectStatusCodeEnum,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressChangeStatus } from '../domain/address-change.js';
import type { IrsDatabase } from '../store/database.js';
import { irsSubgraph } from '../subgraph.js';

/** The parts of a task response the assertions read; the rest is matched with toMatchObject. */
type TaskResult = { status: { description: string; nextSteps: string[] } } & Record<
  string,
  unknown
>;

const query = entitiesQuery(
  'TaxAddressChange',
  'residentId agency title submittedOn status { code description nextSteps expectedFrom expectedBy step stepCount }',
);
const representations = (residentId: string) => ({
  representations: [{ __typename: 'TaxAddressChange', residentId }],
});

describe('irs subgraph: TaxAddressChange', () => {
  let subgraph: TestSubgraph<IrsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(irsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('tells Marcus his Form 8822 is being processed: 4 to 6 weeks from when it arrived', async () => {
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: 'rsd_marcus',
      variables: representations('rsd_marcus'),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]).toMatchObject({
      residentId: 'rsd_marcus',
      agency: 'IRS',
      submittedOn: '2026-06-09',
      status: {
        code: 'SUBMITTED',
        expectedFrom: '2026-07-07',
        expectedBy: '2026-07-21',
        step: 1,
        stepCount: 2,
      },
    });
  });

  it('tells Grace, who sent nothing, that telling another agency does not tell the IRS', async () => {
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: 'rsd_grace',
      variables: representations('rsd_grace'),
    });
    const grace = result.data!._entities[0]!;
    expect(grace).toMatchObject({ submittedOn: null, status: { code: 'NOT_SUBMITTED' } });
    expect(grace.status.description).toContain('is not notice to the IRS');
  });

  it('refuses another resident’s address change', async () => {
    const result = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: 'rsd_grace',
      variables: representations('rsd_marcus'),
    });
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('irs subgraph: TaxAddressChange.statusCode', () => {
  let subgraph: TestSubgraph<IrsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(irsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const produced = [
      null,
      { submittedOn: '2026-06-09', processedOn: null },
      { submittedOn: '2026-06-09', processedOn: '2026-07-10' },
    ].map((change) => addressChangeStatus(change).code);
    await expectStatusCodeEnum(subgraph, 'TaxAddressChangeStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('TaxAddressChange', 'statusCode status { code }'), {
        as: residentId,
        variables: representations(residentId),
      });
      expect(result.errors).toBeUndefined();
      const [task] = result.data!._entities;
      expect(task!.statusCode).toBe(task!.status.code);
    },
  );
});
