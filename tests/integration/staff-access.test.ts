import type { TestSystem } from '@resident-graph/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './system.js';

// Caseworkers (docs/privacy.md): staff of one agency read one named resident's records of that
// agency, with a stated purpose and case reference; each read is a disclosure the resident sees,
// and an agency's correction reaches every application the record was disclosed to.

type Result = Awaited<ReturnType<TestSystem['query']>>;
const codes = (result: Result) =>
  (result.errors ?? []).map((e) => [e.path?.join('.') ?? null, e.extensions?.['code']]);

const CASE = `query Case($id: ID!) {
  residentCase(residentId: $id, purpose: CASE_PROCESSING, caseReference: "SSA-2026-0042") {
    socialSecurity { fullRetirementAge { years } }
    passport { expiresOn }
  }
}`;

describe('staff access', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  const caseworker = (agency: string, id = 'stf_0042') =>
    system.token(id, { clientId: 'caseworker-console', scopes: [`${agency}:staff`] });

  it('reads its own agency’s records of the named resident, for a case, and records it', async () => {
    system.clearSubgraphRequests();
    const result = await system.query<{ residentCase: Record<string, unknown> }>(CASE, {
      token: await caseworker('ssa'),
      variables: { id: 'rsd_ava' },
    });
    expect(result.data?.residentCase).toEqual({
      socialSecurity: { fullRetirementAge: { years: 67 } },
      passport: null,
    });
    // Staff of SSA cannot read State's records, and State is never asked.
    expect(codes(result)).toEqual([['residentCase.passport', 'FORBIDDEN']]);
    expect(system.subgraphRequests('state')).toEqual([]);

    const log = await system.query<{
      me: { disclosures: { records: Record<string, unknown>[] } };
    }>(
      `{ me { disclosures(recipient: "ssa staff stf_0042") { records { agency fields recipientKind purpose caseReference } } } }`,
      { token: await system.token('rsd_ava') },
    );
    expect(log.data?.me.disclosures.records).toEqual([
      {
        agency: 'ssa',
        fields: [
          'FullRetirementAge.years',
          'Resident.socialSecurity',
          'SocialSecurity.fullRetirementAge',
        ],
        recipientKind: 'STAFF',
        purpose: 'CASE_PROCESSING',
        caseReference: 'SSA-2026-0042',
      },
    ]);
  });

  it('reads nothing without a case, nor with a malformed case reference, nor with two agencies', async () => {
    system.clearSubgraphRequests();
    const noCase = await system.query(`{ me { socialSecurity { fullRetirementAge { years } } } }`, {
      token: await caseworker('ssa'),
    });
    expect(noCase.data).toEqual({ me: null });
    expect(codes(noCase)).toEqual([['me', 'STAFF_CASE_REQUIRED']]);

    const badCase = await system.query(
      `{ residentCase(residentId: "rsd_ava", purpose: CASE_PROCESSING, caseReference: "x") {
          socialSecurity { fullRetirementAge { years } } } }`,
      { token: await caseworker('ssa') },
    );
    expect(codes(badCase)).toEqual([['residentCase', 'BAD_USER_INPUT']]);
    expect(system.subgraphRequests('ssa')).toEqual([]);

    const twoAgencies = await system.query(CASE, {
      token: await system.token('stf_0042', {
        clientId: 'caseworker-console',
        scopes: ['ssa:staff', 'irs:staff'],
      }),
      variables: { id: 'rsd_ava' },
    });
    expect(codes(twoAgencies)).toEqual([['residentCase', 'STAFF_CASE_REQUIRED']]);
  });

  it('tells every application a corrected record was disclosed to, and only those', async () => {
    const resident = await system.token('rsd_marcus');
    const granted = await system.query(
      `mutation { grantConsent(input: { clientId: "taxhelper-demo", scopes: ["irs:read"], purpose: TAX_PREPARATION,
          expiresOn: "2026-12-31", maxFetches: 5 }) { id } }`,
      { token: resident },
    );
    expect(granted.errors).toBeUndefined();
    const taxApp = await system.token('rsd_marcus', {
      clientId: 'taxhelper-demo',
      scopes: ['irs:read'],
    });
    const read = await system.query(`{ me { taxRefund { amount } } }`, { token: taxApp });
    expect(read.errors).toBeUndefined();

    const corrected = await system.query<{
      reportRecordCorrection: {
        agency: string;
        notices: { recipient: string; fields: string[] }[];
      };
    }>(
      `mutation { reportRecordCorrection(input: { residentId: "rsd_marcus", fields: ["TaxRefund.amount", "TaxRefund.taxYear"],
          summary: "The refund amount was corrected after an amended return." }) { agency notices { recipient fields } } }`,
      { token: await caseworker('irs', 'stf_0007') },
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.reportRecordCorrection).toEqual({
      agency: 'irs',
      notices: [{ recipient: 'taxhelper-demo', fields: ['TaxRefund.amount'] }],
    });

    const notices = await system.query<{ correctionNotices: Record<string, unknown>[] }>(
      `{ correctionNotices { agency fields summary residentId } }`,
      { token: taxApp },
    );
    expect(notices.data?.correctionNotices).toEqual([
      {
        agency: 'irs',
        fields: ['TaxRefund.amount'],
        summary: 'The refund amount was corrected after an amended return.',
        residentId: 'rsd_marcus',
      },
    ]);
    const otherApp = await system.query<{ correctionNotices: unknown[] }>(
      `{ correctionNotices { id } }`,
      {
        token: await system.token('rsd_marcus', {
          clientId: 'benefits-navigator-demo',
          scopes: ['ssa:read'],
        }),
      },
    );
    expect(otherApp.data?.correctionNotices).toEqual([]);
  });
});
