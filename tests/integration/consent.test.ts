import type { TestSystem } from '@resident-graph/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './system.js';

// Consent and the accounting of disclosures (docs/privacy.md), over real HTTP through the gateway:
// an integrator reads a resident's records only under an active consent the resident previewed and
// approved, every release is recorded before it leaves, and revoking counts from the next request.

/** What the demonstration tax app runs, byte for byte, under the resident's consent. */
const TAX_OPERATION = `query TaxHelperRefund {
  me {
    givenName
    taxRefund { taxYear amount statusCode }
  }
}`;

type Result = Awaited<ReturnType<TestSystem['query']>>;
const codes = (result: Result) =>
  (result.errors ?? []).map((e) => [
    e.path?.join('.') ?? null,
    e.extensions?.['code'],
    e.extensions?.['reason'],
  ]);

describe('consent life cycle', () => {
  let system: TestSystem;
  let resident: string;
  let integrator: string;
  beforeAll(async () => {
    // The response cache on, caching every agency's answers privately for a minute: no cache may
    // serve an application what it may no longer see.
    system = await startSystem({
      gateway: { responseCache: { subgraphHints: { '*': { maxAge: 60, scope: 'PRIVATE' } } } },
    });
    resident = await system.token('rsd_grace');
    integrator = await system.token('rsd_grace', {
      clientId: 'taxhelper-demo',
      scopes: ['identity:read', 'irs:read'],
    });
  });
  afterAll(() => system?.stop());

  const asIntegrator = () => system.query(TAX_OPERATION, { token: integrator });

  it('denies, asks, previews, approves, reads, records, revokes, denies again', async () => {
    // 1. No consent: nothing of the resident's records, and the IRS is never asked.
    system.clearSubgraphRequests();
    const denied = await asIntegrator();
    expect(denied.data).toEqual({ me: null });
    expect(codes(denied)).toContainEqual(['me.givenName', 'CONSENT_REQUIRED', 'consent:none']);
    expect(system.subgraphRequests('irs')).toEqual([]);

    // 2. The integrator asks for consent to run exactly its operation.
    const asked = await system.query<{ requestConsent: { id: string; status: string } }>(
      `mutation Ask($input: ConsentRequestInput!) { requestConsent(input: $input) { id status } }`,
      {
        token: integrator,
        variables: {
          input: {
            scopes: ['identity:read', 'irs:read'],
            purpose: 'TAX_PREPARATION',
            expiresOn: '2026-12-31',
            retentionDays: 30,
            maxFetches: 10,
            fetchPeriod: 'DAY',
            operation: TAX_OPERATION,
          },
        },
      },
    );
    expect(asked.errors).toBeUndefined();
    const requestId = asked.data?.requestConsent.id ?? '';
    expect(asked.data?.requestConsent.status).toBe('PENDING');

    // 3. The resident sees it, and may not approve it unseen.
    const pending = await system.query<{
      me: { consentRequests: { id: string; clientId: string; operation: string }[] };
    }>(`{ me { consentRequests { id clientId operation } } }`, { token: resident });
    expect(pending.data?.me.consentRequests).toEqual([
      { id: requestId, clientId: 'taxhelper-demo', operation: TAX_OPERATION },
    ]);
    const unseen = await system.query(
      `mutation { approveConsentRequest(id: "${requestId}") { id } }`,
      { token: resident },
    );
    expect(codes(unseen)).toEqual([
      ['approveConsentRequest', 'CONSENT_PREVIEW_REQUIRED', undefined],
    ]);

    // 4. The preview: the application's own operation, run for the resident with exactly the
    // application's access, each value labelled with its agency and source. Nothing is disclosed.
    const preview = await fetch(system.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${resident}` },
      body: JSON.stringify({ query: TAX_OPERATION, extensions: { consentPreview: requestId } }),
    }).then(
      (r) =>
        r.json() as Promise<{
          data: unknown;
          extensions: { consentPreview: { clientId: string; values: Record<string, unknown>[] } };
        }>,
    );
    expect(preview.extensions.consentPreview.clientId).toBe('taxhelper-demo');
    expect(preview.extensions.consentPreview.values).toEqual(
      expect.arrayContaining([
        {
          path: ['me', 'givenName'],
          field: 'Resident.givenName',
          agency: 'identity',
          source: 'AGENCY_VERIFIED',
        },
        {
          path: ['me', 'taxRefund', 'amount'],
          field: 'TaxRefund.amount',
          agency: 'irs',
          source: 'AGENCY_VERIFIED',
        },
      ]),
    );

    // 5. Approved after the preview.
    const approved = await system.query<{ approveConsentRequest: { id: string; status: string } }>(
      `mutation { approveConsentRequest(id: "${requestId}") { id status } }`,
      { token: resident },
    );
    expect(approved.data?.approveConsentRequest.status).toBe('ACTIVE');
    const grantId = approved.data?.approveConsentRequest.id ?? '';

    // The resident's disclosure log, read (and cached) before anything was released: empty.
    const logQuery = `{ me { disclosures { records { agency fields recipientKind recipient purpose consentId } } } }`;
    const before = await system.query<{ me: { disclosures: { records: unknown[] } } }>(logQuery, {
      token: resident,
    });
    expect(before.data?.me.disclosures.records).toEqual([]);

    // 6. The integrator now receives exactly what the resident previewed.
    const read = await asIntegrator();
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual(preview.data);

    // 7. The resident sees the disclosure, one record per agency, newest first.
    // (A release invalidates the resident's cached answers: the log read again is current.)
    const disclosures = await system.query<{
      me: { disclosures: { records: Record<string, unknown>[] } };
    }>(logQuery, { token: resident });
    expect(disclosures.data?.me.disclosures.records).toEqual(
      expect.arrayContaining([
        {
          agency: 'irs',
          fields: [
            'TaxRefund.amount',
            'TaxRefund.statusCode',
            'TaxRefund.taxYear',
            'Resident.taxRefund',
          ].sort(),
          recipientKind: 'THIRD_PARTY',
          recipient: 'taxhelper-demo',
          purpose: 'TAX_PREPARATION',
          consentId: grantId,
        },
        {
          agency: 'identity',
          fields: ['Resident.givenName'],
          recipientKind: 'THIRD_PARTY',
          recipient: 'taxhelper-demo',
          purpose: 'TAX_PREPARATION',
          consentId: grantId,
        },
      ]),
    );
    expect(disclosures.data?.me.disclosures.records).toHaveLength(2);

    // The cache is really on: the resident's own second read of the same query is a cache hit.
    await system.query(TAX_OPERATION, { token: resident });
    const cached = await system.query(TAX_OPERATION, { token: resident });
    expect(cached.headers.get('age')).not.toBeNull();

    // 8. Revoked: refused on the very next request, and the IRS is not asked.
    const revoked = await system.query<{ revokeConsent: { status: string } }>(
      `mutation { revokeConsent(id: "${grantId}") { status } }`,
      { token: resident },
    );
    expect(revoked.data?.revokeConsent.status).toBe('REVOKED');
    system.clearSubgraphRequests();
    const after = await asIntegrator();
    expect(after.data).toEqual({ me: null });
    expect(codes(after)).toContainEqual(['me.givenName', 'CONSENT_REQUIRED', 'consent:revoked']);
    expect(system.subgraphRequests('irs')).toEqual([]);
  });

  it('holds the application to the operation it asked for, and to its fetch limit', async () => {
    const token = await system.token('rsd_marcus', {
      clientId: 'taxhelper-demo',
      scopes: ['irs:read'],
    });
    const residentToken = await system.token('rsd_marcus');
    const granted = await system.query<{ grantConsent: { id: string } }>(
      `mutation { grantConsent(input: { clientId: "taxhelper-demo", scopes: ["irs:read"], purpose: TAX_PREPARATION,
          expiresOn: "2026-07-01", maxFetches: 1, fetchPeriod: DAY }) { id } }`,
      { token: residentToken },
    );
    expect(granted.errors).toBeUndefined();
    const first = await system.query(`{ me { taxRefund { amount } } }`, { token });
    expect(first.errors).toBeUndefined();
    const second = await system.query(`{ me { taxRefund { amount } } }`, { token });
    expect(codes(second)).toEqual([['me.taxRefund', 'CONSENT_FETCH_LIMIT', 'consent:fetch-limit']]);
    // What the application's token does not hold stays closed, consent or not.
    const outside = await system.query(`{ me { givenName } }`, { token });
    expect(codes(outside)).toEqual([['me.givenName', 'FORBIDDEN', 'scope:identity:read']]);
  });

  it('makes a preview-each-release consent wait for the resident before every release', async () => {
    const operation = `query AddressCheck { me { mailingAddress { city } } }`;
    const app = await system.token('rsd_nora', {
      clientId: 'benefits-navigator-demo',
      scopes: ['identity:read'],
    });
    const owner = await system.token('rsd_nora');
    const asked = await system.query<{ requestConsent: { id: string } }>(
      `mutation Ask($operation: String!) { requestConsent(input: { scopes: ["identity:read"],
          purpose: BENEFITS_SCREENING, expiresOn: "2026-12-31", maxFetches: 10, operation: $operation,
          previewEachRelease: true }) { id } }`,
      { token: app, variables: { operation } },
    );
    const requestId = asked.data?.requestConsent.id ?? '';
    const preview = async (id: string) =>
      (await fetch(system.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${owner}` },
        body: JSON.stringify({ query: operation, extensions: { consentPreview: id } }),
      }).then((r) => r.json())) as {
        extensions?: { consentPreview: { values: Record<string, unknown>[] } };
        errors?: { extensions: { code: string } }[];
      };
    const shown = await preview(requestId);
    // The address is the resident's own word, and the preview says so.
    expect(shown.extensions?.consentPreview.values).toContainEqual({
      path: ['me', 'mailingAddress'],
      field: 'Resident.mailingAddress',
      agency: 'identity',
      source: 'RESIDENT_PROVIDED',
    });
    const approved = await system.query<{ approveConsentRequest: { id: string } }>(
      `mutation { approveConsentRequest(id: "${requestId}") { id } }`,
      { token: owner },
    );
    const grantId = approved.data?.approveConsentRequest.id ?? '';

    const first = await system.query(operation, { token: app });
    expect(first.errors).toBeUndefined();
    const second = await system.query(operation, { token: app });
    expect(codes(second)).toEqual([['me.mailingAddress', 'CONSENT_REQUIRED', 'consent:preview']]);

    // A preview of another operation is refused; approving without a fresh preview too.
    const wrong = await fetch(system.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner}` },
      body: JSON.stringify({
        query: '{ me { givenName } }',
        extensions: { consentPreview: grantId },
      }),
    }).then((r) => r.json() as Promise<{ errors: { extensions: { code: string } }[] }>);
    expect(wrong.errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    const unseen = await system.query(`mutation { approveRelease(id: "${grantId}") { id } }`, {
      token: owner,
    });
    expect(codes(unseen)).toEqual([['approveRelease', 'CONSENT_PREVIEW_REQUIRED', undefined]]);

    expect((await preview(grantId)).errors).toBeUndefined();
    const released = await system.query<{ approveRelease: { releaseApproved: boolean } }>(
      `mutation { approveRelease(id: "${grantId}") { releaseApproved } }`,
      { token: owner },
    );
    expect(released.data?.approveRelease.releaseApproved).toBe(true);
    const third = await system.query(operation, { token: app });
    expect(third.errors).toBeUndefined();
  });

  it('refuses bad consent input with a clear code', async () => {
    const result = await system.query(
      `mutation { grantConsent(input: { clientId: "taxhelper-demo", scopes: ["consent:manage"], purpose: TAX_PREPARATION,
          expiresOn: "2026-07-01" }) { id } }`,
      { token: resident },
    );
    expect(codes(result)).toEqual([['grantConsent', 'BAD_USER_INPUT', undefined]]);
    const past = await system.query(
      `mutation { grantConsent(input: { clientId: "taxhelper-demo", scopes: ["irs:read"], purpose: TAX_PREPARATION,
          expiresOn: "2020-01-01" }) { id } }`,
      { token: resident },
    );
    expect(codes(past)).toEqual([['grantConsent', 'BAD_USER_INPUT', undefined]]);
    // Only the resident's own app manages consents: no application's ceiling holds consent:manage.
    const byApp = await system.query(`{ me { consents { id } } }`, { token: integrator });
    expect(codes(byApp)).toEqual([['me.consents', 'FORBIDDEN', 'scope:consent:manage']]);
  });
});
