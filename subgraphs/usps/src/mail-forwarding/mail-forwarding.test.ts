import {
  personaHandles,
  personaResidentId,
  personas,
  type ChangeOfAddressStatus,
} from '@resident-graph/personas';
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
import { mailForwardingStatus } from '../domain/mail-forwarding.js';
import type { UspsDatabase } from '../store/database.js';
import { uspsSubgraph } from '../subgraph.js';

/** The parts of a task response the assertions read; the rest is matched with toMatchObject. */
type TaskResult = { status: { description: string; nextSteps: string[] } } & Record<
  string,
  unknown
>;

const selection =
  'residentId agency title effectiveOn forwardingEndsOn forwardingTo { city state } status { code label description nextSteps expectedFrom expectedBy lastChangedOn step stepCount actionRequired }';
const query = entitiesQuery('MailForwarding', selection);
const representations = (residentId: string) => ({
  representations: [{ __typename: 'MailForwarding', residentId }],
});

describe('usps subgraph: MailForwarding', () => {
  let subgraph: TestSubgraph<UspsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(uspsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('tells Marcus a validation letter went to his old Ohio address and forwarding to Tempe starts in 9 days', async () => {
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: 'rsd_marcus',
      variables: representations('rsd_marcus'),
    });
    expect(result.errors).toBeUndefined();
    const marcus = result.data!._entities[0]!;
    expect(marcus).toMatchObject({
      residentId: 'rsd_marcus',
      agency: 'USPS',
      title: 'Forward your mail',
      effectiveOn: '2026-06-24',
      forwardingEndsOn: '2027-06-23',
      forwardingTo: { city: 'Tempe', state: 'AZ' },
      status: {
        code: 'VALIDATION_LETTER_SENT',
        step: 2,
        stepCount: 4,
        expectedFrom: '2026-06-24',
        lastChangedOn: '2026-06-11',
        actionRequired: false,
      },
    });
    expect(marcus.status.description).toContain('old address');
  });

  it('never returns a street address or ZIP code, old or new', async () => {
    const result = await subgraph.query(query, {
      as: 'rsd_marcus',
      variables: representations('rsd_marcus'),
    });
    const body = JSON.stringify(result);
    for (const secret of ['Saguaro', '85281', 'Maple Hollow', '43004', 'Columbus'])
      expect(body).not.toContain(secret);
  });

  it('gives Grace, who is not moving, the task with NO_REQUEST', async () => {
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: 'rsd_grace',
      variables: representations('rsd_grace'),
    });
    expect(result.data!._entities[0]).toMatchObject({
      effectiveOn: null,
      forwardingEndsOn: null,
      forwardingTo: null,
      status: { code: 'NO_REQUEST' },
    });
  });

  it('refuses another resident’s mail forwarding and an anonymous caller', async () => {
    const forbidden = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: 'rsd_grace',
      variables: representations('rsd_marcus'),
    });
    expect(forbidden.data?._entities).toEqual([null]);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(forbidden)).not.toContain('Tempe');
    const anonymous = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: null,
      variables: representations('rsd_marcus'),
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('usps subgraph: status derived from today', () => {
  it('shows Marcus’s request, once validated, as EXPIRED after 12 months of forwarding', async () => {
    const residents = personas(TEST_TODAY).map((resident) =>
      resident.id === 'rsd_marcus' && resident.usps.changeOfAddress
        ? {
            ...resident,
            usps: {
              changeOfAddress: { ...resident.usps.changeOfAddress, status: 'ACTIVE' as const },
            },
          }
        : resident,
    );
    // Effective 2026-06-24: forwarded through 2027-06-23, 12 months; expired on the anniversary.
    const lastDay = await startTestSubgraph(uspsSubgraph, { residents, today: '2027-06-23' });
    const dayAfter = await startTestSubgraph(uspsSubgraph, { residents, today: '2027-06-24' });
    try {
      const onLastDay = await lastDay.query<{ _entities: TaskResult[] }>(query, {
        as: 'rsd_marcus',
        variables: representations('rsd_marcus'),
      });
      expect(onLastDay.data!._entities[0]!.status).toMatchObject({
        code: 'ACTIVE',
        expectedBy: '2027-06-23',
      });
      const after = await dayAfter.query<{ _entities: TaskResult[] }>(query, {
        as: 'rsd_marcus',
        variables: representations('rsd_marcus'),
      });
      expect(after.data!._entities[0]!.status).toMatchObject({
        code: 'EXPIRED',
        step: 4,
        lastChangedOn: '2027-06-24',
      });
    } finally {
      await lastDay.stop();
      await dayAfter.stop();
    }
  });
});

describe('usps subgraph: _entities batching', () => {
  const residents = [...generateResidents(100, TEST_TODAY)];
  const caller = residents[0]!.id;
  let subgraph: TestSubgraph<UspsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(uspsSubgraph, { residents });
  });
  afterAll(() => subgraph.stop());

  it('resolves 100 distinct MailForwarding representations with one store query, and only the caller’s', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{ _entities: ({ residentId: string } | null)[] }>(
      entitiesQuery('MailForwarding', 'residentId status { code }'),
      {
        as: caller,
        variables: {
          representations: residents.map((r) => ({
            __typename: 'MailForwarding',
            residentId: r.id,
          })),
        },
      },
    );
    expect(subgraph.store.queryCount()).toBe(1);
    expect(result.data?._entities[0]?.residentId).toBe(caller);
    expectOnlyTheCallersEntity(result);
  });

  // Resident fields authorize before they load, so only the caller's record is read; batching
  // itself is proven on the loader (context.test.ts).
  it('answers 100 Resident representations’ mail forwarding with the caller’s record alone, in one query', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{ _entities: ({ id: string } | null)[] }>(
      entitiesQuery('Resident', 'id mailForwarding { status { code } }'),
      {
        as: caller,
        variables: {
          representations: residents.map((r) => ({ __typename: 'Resident', id: r.id })),
        },
      },
    );
    expect(subgraph.store.queryCount()).toBe(1);
    expect(result.data?._entities[0]?.id).toBe(caller);
    expectOnlyTheCallersEntity(result);
  });
});

describe('usps subgraph: MailForwarding.statusCode', () => {
  let subgraph: TestSubgraph<UspsDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(uspsSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const stored = Object.keys({
      SUBMITTED: true,
      VALIDATION_LETTER_SENT: true,
      ACTIVE: true,
      EXPIRED: true,
    } satisfies Record<ChangeOfAddressStatus, true>) as ChangeOfAddressStatus[];
    const destination = { city: 'Tempe', state: 'AZ' };
    const produced = [
      mailForwardingStatus(null, null, TEST_TODAY),
      // Each stored status, before the effective date, during forwarding and after it ended.
      ...['2026-06-15', '2026-08-01', '2027-07-01'].flatMap((today) =>
        stored.map((status) =>
          mailForwardingStatus(
            {
              status,
              submittedOn: '2026-06-09',
              effectiveOn: '2026-06-24',
              changedOn: '2026-06-11',
            },
            destination,
            today,
          ),
        ),
      ),
    ].map((status) => status.code);
    await expectStatusCodeEnum(subgraph, 'MailForwardingStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('MailForwarding', 'statusCode status { code }'), {
        as: residentId,
        variables: representations(residentId),
      });
      expect(result.errors).toBeUndefined();
      const [task] = result.data!._entities;
      expect(task!.statusCode).toBe(task!.status.code);
    },
  );
});
