import { personas } from '@resident-graph/personas';
import { generateResidents } from '@resident-graph/personas/generate';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsaDatabase } from '../store/database.js';
import { ssaSubgraph } from '../subgraph.js';

const birthDates = Object.fromEntries(
  personas(TEST_TODAY).map((p) => [p.id, p.identity.birthDate]),
);
const resident = (id: string) => ({ __typename: 'Resident', id, birthDate: birthDates[id] });

const socialSecurity = `socialSecurity {
  ssnLast4 fullRetirementAge { years months } fullRetirementDate monthlyAmountAtFullRetirementAge
  receivingBenefits benefitsStartedOn benefitEstimates { claimingAge startsOn monthlyAmount percentOfFullBenefit }
}`;

describe('ssa subgraph: Resident.socialSecurity', () => {
  let subgraph: TestSubgraph<SsaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(ssaSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('gives Ava (64, full retirement age 67) her estimates from 70% at 62 to 124% at 70', async () => {
    const result = await subgraph.query(entitiesQuery('Resident', socialSecurity), {
      as: 'rsd_ava',
      variables: { representations: [resident('rsd_ava')] },
    });
    expect(result.errors).toBeUndefined();
    const ss = (result.data as { _entities: { socialSecurity: Record<string, unknown> }[] })
      ._entities[0]!.socialSecurity;
    expect(ss).toMatchObject({
      ssnLast4: '***-**-4821',
      fullRetirementAge: { years: 67, months: 0 },
      fullRetirementDate: '2028-08-01',
      monthlyAmountAtFullRetirementAge: 2100,
      receivingBenefits: false,
      benefitsStartedOn: null,
    });
    expect(ss.benefitEstimates).toEqual([
      { claimingAge: 62, startsOn: '2023-08-01', monthlyAmount: 1470, percentOfFullBenefit: 70 },
      { claimingAge: 63, startsOn: '2024-08-01', monthlyAmount: 1575, percentOfFullBenefit: 75 },
      { claimingAge: 64, startsOn: '2025-08-01', monthlyAmount: 1680, percentOfFullBenefit: 80 },
      { claimingAge: 65, startsOn: '2026-08-01', monthlyAmount: 1820, percentOfFullBenefit: 86.67 },
      { claimingAge: 66, startsOn: '2027-08-01', monthlyAmount: 1960, percentOfFullBenefit: 93.33 },
      { claimingAge: 67, startsOn: '2028-08-01', monthlyAmount: 2100, percentOfFullBenefit: 100 },
      { claimingAge: 68, startsOn: '2029-08-01', monthlyAmount: 2268, percentOfFullBenefit: 108 },
      { claimingAge: 69, startsOn: '2030-08-01', monthlyAmount: 2436, percentOfFullBenefit: 116 },
      { claimingAge: 70, startsOn: '2031-08-01', monthlyAmount: 2604, percentOfFullBenefit: 124 },
    ]);
  });

  it('says Walter receives benefits, started the month he turned 62', async () => {
    const result = await subgraph.query(
      entitiesQuery('Resident', 'socialSecurity { ssnLast4 receivingBenefits benefitsStartedOn }'),
      {
        as: 'rsd_walter',
        variables: { representations: [resident('rsd_walter')] },
      },
    );
    expect(result).toEqual({
      data: {
        _entities: [
          {
            socialSecurity: {
              ssnLast4: '***-**-1907',
              receivingBenefits: true,
              benefitsStartedOn: '2023-07-01',
            },
          },
        ],
      },
    });
  });

  it('treats Grace, born on January 1, as born in December of the year before', async () => {
    const result = await subgraph.query(
      entitiesQuery(
        'Resident',
        'socialSecurity { fullRetirementDate benefitEstimates { claimingAge startsOn } }',
      ),
      {
        as: 'rsd_grace',
        variables: { representations: [resident('rsd_grace')] },
      },
    );
    expect(birthDates.rsd_grace).toBe('1986-01-01');
    const ss = (
      result.data as {
        _entities: {
          socialSecurity: { fullRetirementDate: string; benefitEstimates: unknown[] };
        }[];
      }
    )._entities[0]!.socialSecurity;
    expect(ss.fullRetirementDate).toBe('2052-12-01');
    expect(ss.benefitEstimates[0]).toEqual({ claimingAge: 62, startsOn: '2047-12-01' });
  });

  it('never sends a full SSN', async () => {
    for (const persona of personas(TEST_TODAY)) {
      const result = await subgraph.query(
        entitiesQuery('Resident', 'socialSecurity { ssnLast4 }'),
        {
          as: persona.id,
          variables: { representations: [resident(persona.id)] },
        },
      );
      expect(JSON.stringify(result)).not.toContain(persona.ssa.ssn);
      expect(JSON.stringify(result)).toContain(`***-**-${persona.ssa.ssn.slice(-4)}`);
    }
  });

  it('names the months in Resident.retirementApplication, where the birth date is known', async () => {
    const result = await subgraph.query(
      entitiesQuery(
        'Resident',
        'retirementApplication { residentId agency title filedOn status { code description nextSteps step stepCount actionRequired } }',
      ),
      {
        as: 'rsd_ava',
        variables: { representations: [resident('rsd_ava')] },
      },
    );
    const application = (
      result.data as {
        _entities: {
          retirementApplication: { status: { description: string; nextSteps: string[] } };
        }[];
      }
    )._entities[0]!.retirementApplication;
    expect(application).toMatchObject({
      residentId: 'rsd_ava',
      agency: 'SSA',
      filedOn: null,
      status: { code: 'NOT_STARTED', step: null, actionRequired: false },
    });
    expect(application.status.description).toContain('You can apply now');
    expect(application.status.nextSteps[0]).toContain('as soon as July 2026');
  });

  it('gives every resident all three other tasks, with a status even when there is no record', async () => {
    const result = await subgraph.query(
      entitiesQuery(
        'Resident',
        'newbornSocialSecurityCard { status { code } } socialSecurityAddressUpdate { status { code } }',
      ),
      { as: 'rsd_grace', variables: { representations: [resident('rsd_grace')] } },
    );
    expect(result).toEqual({
      data: {
        _entities: [
          {
            newbornSocialSecurityCard: { status: { code: 'NO_REQUEST' } },
            socialSecurityAddressUpdate: { status: { code: 'NOT_NEEDED' } },
          },
        ],
      },
    });
  });

  it('refuses another resident’s record without reading the store', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query(
      entitiesQuery(
        'Resident',
        'socialSecurity { ssnLast4 } retirementApplication { title } newbornSocialSecurityCard { title } socialSecurityAddressUpdate { title }',
      ),
      { as: 'rsd_ava', variables: { representations: [resident('rsd_nora')] } },
    );
    expect(result.data).toEqual({ _entities: [null] });
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(subgraph.store.queryCount()).toBe(0);
  });

  it('refuses another resident’s record', async () => {
    const result = await subgraph.query(entitiesQuery('Resident', 'socialSecurity { ssnLast4 }'), {
      as: 'rsd_ava',
      variables: { representations: [resident('rsd_nora')] },
    });
    expect(result.data).toEqual({ _entities: [{ socialSecurity: null }] });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses an anonymous caller', async () => {
    const result = await subgraph.query(
      entitiesQuery('Resident', 'socialSecurity { ssnLast4 } newbornSocialSecurityCard { title }'),
      {
        as: null,
        variables: { representations: [resident('rsd_ava')] },
      },
    );
    expect(result.data).toEqual({ _entities: [null] });
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(
      new Set(['UNAUTHENTICATED']),
    );
  });

  it('answers null for a resident SSA does not know, without an error', async () => {
    const result = await subgraph.query(
      entitiesQuery(
        'Resident',
        'socialSecurity { ssnLast4 } retirementApplication { status { code } }',
      ),
      {
        as: 'rsd_unknown',
        variables: {
          representations: [{ __typename: 'Resident', id: 'rsd_unknown', birthDate: '1970-05-05' }],
        },
      },
    );
    expect(result).toEqual({
      data: {
        _entities: [
          { socialSecurity: null, retirementApplication: { status: { code: 'NOT_STARTED' } } },
        ],
      },
    });
  });
});

// Batching itself is proven on the loaders (context.test.ts): Resident fields authorize before they
// load, so a request by one resident only ever loads that resident's records.
describe('ssa subgraph: Resident fields for many representations', () => {
  const residents = [...generateResidents(100, TEST_TODAY)];
  const caller = residents[0]!.id;
  const representations = residents.map((r) => ({
    __typename: 'Resident',
    id: r.id,
    birthDate: r.identity.birthDate,
  }));
  let subgraph: TestSubgraph<SsaDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(ssaSubgraph, { residents });
  });
  afterAll(() => subgraph.stop());

  it('answers 100 Resident representations’ socialSecurity with the caller’s record alone, in one query', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{
      _entities: ({ id: string; socialSecurity: { ssnLast4: string } | null } | null)[];
    }>(entitiesQuery('Resident', 'id socialSecurity { ssnLast4 }'), {
      as: caller,
      variables: { representations },
    });
    expect(subgraph.store.queryCount()).toBe(1);
    expect(result.data?._entities).toHaveLength(100);
    expect(result.data?._entities[0]).toEqual({
      id: caller,
      socialSecurity: { ssnLast4: `***-**-${residents[0]!.ssa.ssn.slice(-4)}` },
    });
    expect(result.data?._entities.slice(1).every((e) => e?.socialSecurity === null)).toBe(true);
    expect(result.errors).toHaveLength(99);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });

  it('costs one query per task field, however many representations', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query(
      entitiesQuery(
        'Resident',
        'retirementApplication { title } newbornSocialSecurityCard { title } socialSecurityAddressUpdate { title }',
      ),
      { as: caller, variables: { representations } },
    );
    expect(subgraph.store.queryCount()).toBe(3);
    // The task fields are non-null, so a refused one nulls its whole entity: one error per entity.
    expect(
      (result.data as { _entities: unknown[] })._entities.filter((e) => e !== null),
    ).toHaveLength(1);
    expect(result.errors).toHaveLength(99);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });
});
