import { personaHandles, personaResidentId, type RefundStatus } from '@resident-graph/personas';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
  expectStatusCodeEnum,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundStatus } from '../domain/refund.js';
import type { IrsDatabase } from '../store/database.js';
import { irsSubgraph } from '../subgraph.js';

/** The parts of a task response the assertions read; the rest is matched with toMatchObject. */
type TaskResult = { status: { description: string; nextSteps: string[] } } & Record<
  string,
  unknown
>;

const query = entitiesQuery(
  'TaxRefund',
  'residentId agency title taxYear amount eFileStatus status { code label description nextSteps expectedBy lastChangedOn step stepCount actionRequired }',
);
const representations = (residentId: string) => ({
  representations: [{ __typename: 'TaxRefund', residentId }],
});

describe('irs subgraph: TaxRefund', () => {
  let subgraph: TestSubgraph<IrsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(irsSubgraph);
  });
  afterAll(() => subgraph.stop());

  async function refund(residentId: string) {
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: residentId,
      variables: representations(residentId),
    });
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!;
  }

  it('tells Marcus his refund is approved, step 2 of 3, expected within 21 days of filing', async () => {
    const marcus = await refund('rsd_marcus');
    expect(marcus).toMatchObject({
      residentId: 'rsd_marcus',
      agency: 'IRS',
      taxYear: 2025,
      amount: 1842,
      eFileStatus: 'ACCEPTED',
      status: {
        code: 'REFUND_APPROVED',
        step: 2,
        stepCount: 3,
        expectedBy: '2026-06-21',
        lastChangedOn: '2026-06-13',
        actionRequired: false,
      },
    });
    expect(marcus.status.description).toContain('$1,842');
    expect(marcus.status.nextSteps.join(' ')).toContain('once a day');
  });

  it('tells Ava her refund was sent', async () => {
    expect(await refund('rsd_ava')).toMatchObject({
      taxYear: 2025,
      amount: 612,
      status: { code: 'REFUND_SENT', step: 3 },
    });
  });

  it('still gives Walter, who has no return on file, the task', async () => {
    expect(await refund('rsd_walter')).toMatchObject({
      taxYear: null,
      amount: null,
      eFileStatus: null,
      status: { code: 'NO_RETURN' },
    });
  });

  it('shows tax return information to nobody but the taxpayer (26 U.S.C. 6103)', async () => {
    const forbidden = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: 'rsd_ava',
      variables: representations('rsd_marcus'),
    });
    expect(forbidden.data?._entities).toEqual([null]);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(forbidden)).not.toContain('1842');
    const anonymous = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: null,
      variables: representations('rsd_marcus'),
    });
    expect(anonymous.data?._entities).toEqual([null]);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('irs subgraph: TaxRefund.statusCode', () => {
  let subgraph: TestSubgraph<IrsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(irsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const stored = Object.keys({
      RETURN_RECEIVED: true,
      REFUND_APPROVED: true,
      REFUND_SENT: true,
    } satisfies Record<RefundStatus, true>) as RefundStatus[];
    const produced = [
      refundStatus(null, TEST_TODAY),
      // E-filed (accepted or rejected) or on paper, at every stored step.
      ...(['ACCEPTED', 'REJECTED', null] as const).flatMap((eFileStatus) =>
        stored.map((status) =>
          refundStatus(
            {
              taxYear: 2025,
              filedOn: '2026-05-31',
              eFileStatus,
              directDeposit: true,
              refundStatus: status,
              refundAmount: 1842,
              changedOn: '2026-06-05',
            },
            TEST_TODAY,
          ),
        ),
      ),
    ].map((status) => status.code);
    await expectStatusCodeEnum(subgraph, 'TaxRefundStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('TaxRefund', 'statusCode status { code }'), {
        as: residentId,
        variables: representations(residentId),
      });
      expect(result.errors).toBeUndefined();
      const [task] = result.data!._entities;
      expect(task!.statusCode).toBe(task!.status.code);
    },
  );
});
