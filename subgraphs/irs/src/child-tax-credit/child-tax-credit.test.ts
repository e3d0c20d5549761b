import { personaHandles, personaResidentId } from '@resident-graph/personas';
import {
  entitiesQuery,
  startTestSubgraph,
  type TestSubgraph,
  expectStatusCodeEnum,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childTaxCreditStatus } from '../domain/child-tax-credit.js';
import type { IrsDatabase } from '../store/database.js';
import { irsSubgraph } from '../subgraph.js';

/** The parts of a task response the assertions read; the rest is matched with toMatchObject. */
type TaskResult = { status: { description: string; nextSteps: string[] } } & Record<
  string,
  unknown
>;

const query = entitiesQuery(
  'ChildTaxCredit',
  'residentId agency title taxYear qualifyingChildren creditAmount status { code nextSteps }',
);
const representations = (residentId: string) => ({
  representations: [{ __typename: 'ChildTaxCredit', residentId }],
});

describe('irs subgraph: ChildTaxCredit', () => {
  let subgraph: TestSubgraph<IrsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(irsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('tells Nora she can claim $2,000 for Juniper on her 2026 return', async () => {
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: 'rsd_nora',
      variables: representations('rsd_nora'),
    });
    expect(result.errors).toBeUndefined();
    const nora = result.data!._entities[0]!;
    expect(nora).toMatchObject({
      residentId: 'rsd_nora',
      agency: 'IRS',
      taxYear: 2026,
      qualifyingChildren: 1,
      creditAmount: 2000,
      status: { code: 'ELIGIBLE' },
    });
    expect(nora.status.nextSteps[0]).toBe(
      'Claim the credit on your 2026 tax return, which you file in 2027.',
    );
  });

  it('gives a resident without qualifying children the task for this tax year', async () => {
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: 'rsd_grace',
      variables: representations('rsd_grace'),
    });
    expect(result.data!._entities[0]).toMatchObject({
      taxYear: 2026,
      qualifyingChildren: 0,
      creditAmount: 0,
      status: { code: 'NO_QUALIFYING_CHILDREN' },
    });
  });

  it('refuses another resident’s credit', async () => {
    const result = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: 'rsd_grace',
      variables: representations('rsd_nora'),
    });
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('irs subgraph: ChildTaxCredit.statusCode', () => {
  let subgraph: TestSubgraph<IrsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(irsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const produced = [0, 1, 2].map(
      (qualifyingChildren) => childTaxCreditStatus({ taxYear: 2026, qualifyingChildren }).code,
    );
    await expectStatusCodeEnum(subgraph, 'ChildTaxCreditStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('ChildTaxCredit', 'statusCode status { code }'), {
        as: residentId,
        variables: representations(residentId),
      });
      expect(result.errors).toBeUndefined();
      const [task] = result.data!._entities;
      expect(task!.statusCode).toBe(task!.status.code);
    },
  );
});
