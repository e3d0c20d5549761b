import {
  personaHandles,
  personaResidentId,
  type PassportApplicationStatus,
} from '@resident-graph/personas';
import {
  entitiesQuery,
  startTestSubgraph,
  type TestSubgraph,
  expectStatusCodeEnum,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPassportApplicationStatus } from '../domain/passport-status.js';
import type { StateDatabase } from '../store/database.js';
import { stateSubgraph } from '../subgraph.js';

/** The parts of a task response the assertions read; the rest is matched with toMatchObject. */
type TaskResult = { status: { description: string; nextSteps: string[] } } & Record<
  string,
  unknown
>;

const query = entitiesQuery(
  'ChildPassportApplication',
  'residentId agency title childGivenName mustApplyInPerson status { code label description nextSteps step actionRequired }',
);
const representations = (residentId: string) => ({
  representations: [{ __typename: 'ChildPassportApplication', residentId }],
});

describe('state subgraph: ChildPassportApplication', () => {
  let subgraph: TestSubgraph<StateDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(stateSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('tells Nora how to apply in person for Juniper’s first passport', async () => {
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: 'rsd_nora',
      variables: representations('rsd_nora'),
    });
    expect(result.errors).toBeUndefined();
    const nora = result.data!._entities[0]!;
    expect(nora).toMatchObject({
      residentId: 'rsd_nora',
      agency: 'STATE',
      childGivenName: 'Juniper',
      mustApplyInPerson: true,
      status: { code: 'NOT_AVAILABLE', label: 'Not available', step: null, actionRequired: false },
    });
    expect(nora.status.description).toContain('for Juniper');
    const steps = nora.status.nextSteps.join(' ');
    expect(steps).toContain('form DS-11');
    expect(steps).toContain('Both parents or guardians');
  });

  it('still gives a resident with no application the task, with how to apply', async () => {
    const result = await subgraph.query<{ _entities: TaskResult[] }>(query, {
      as: 'rsd_marcus',
      variables: representations('rsd_marcus'),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]).toMatchObject({
      childGivenName: null,
      mustApplyInPerson: true,
      status: { code: 'NOT_AVAILABLE' },
    });
  });

  it('refuses another resident’s application', async () => {
    const result = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: 'rsd_ava',
      variables: representations('rsd_nora'),
    });
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('state subgraph: ChildPassportApplication.statusCode', () => {
  let subgraph: TestSubgraph<StateDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(stateSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('is an enum of exactly the codes the domain can produce, each described', async () => {
    const applicationStatuses = Object.keys({
      NOT_AVAILABLE: true,
      IN_PROCESS: true,
      ADDITIONAL_INFO_NEEDED: true,
      APPROVED: true,
      MAILED: true,
    } satisfies Record<PassportApplicationStatus, true>) as PassportApplicationStatus[];
    const application = { childGivenName: 'Juniper', changedOn: '2026-06-03', expedited: false };
    const produced = [
      null,
      // A form started but never handed in.
      { ...application, status: 'NOT_AVAILABLE' as const, submittedOn: null },
      ...applicationStatuses.map((status) => ({
        ...application,
        status,
        submittedOn: '2026-06-01',
      })),
    ].map((facts) => childPassportApplicationStatus(facts).code);
    await expectStatusCodeEnum(subgraph, 'ChildPassportApplicationStatusCode', produced);
  });

  it.each(personaHandles.map(personaResidentId))(
    'equals status.code for %s',
    async (residentId) => {
      const result = await subgraph.query<{
        _entities: { statusCode: string; status: { code: string } }[];
      }>(entitiesQuery('ChildPassportApplication', 'statusCode status { code }'), {
        as: residentId,
        variables: representations(residentId),
      });
      expect(result.errors).toBeUndefined();
      const [task] = result.data!._entities;
      expect(task!.statusCode).toBe(task!.status.code);
    },
  );
});
