import type { TestSystem } from '@resident-graph/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './system.js';

// Access rules declared in the subgraphs (@authenticated, @requiresScopes, @policy) and enforced by
// the gateway before it plans: every refused field is null with a reason, and the agency that owns
// it is never asked for it. docs/authorization.md lists the rules.
describe('authorization through the gateway', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  const errorsOf = (result: {
    errors?: { path?: unknown; extensions?: Record<string, unknown> }[];
  }) =>
    (result.errors ?? []).map((e) => ({
      path: e.path,
      code: e.extensions?.['code'],
      reason: e.extensions?.['reason'],
    }));
  const asked = (subgraph: string) =>
    system
      .subgraphRequests(subgraph)
      .map((r) => r.query)
      .join('\n');

  /** The resident consents to the application reading `scopes` (third parties read only so). */
  const consent = async (residentId: string, clientId: string, scopes: string[]) => {
    const granted = await system.query(
      `mutation Grant($clientId: String!, $scopes: [String!]!) {
        grantConsent(input: { clientId: $clientId, scopes: $scopes, purpose: BENEFITS_SCREENING,
          expiresOn: "2026-12-31", maxFetches: 100 }) { id } }`,
      { token: await system.token(residentId), variables: { clientId, scopes } },
    );
    expect(granted.errors).toBeUndefined();
  };

  it('answers the allowed fields, nulls each refused one with its reason, and never asks its agency', async () => {
    // A benefits app may hold identity, journey, SSA and CMS scopes, not State's.
    await consent('rsd_ava', 'benefits-navigator-demo', ['identity:read', 'ssa:read', 'cms:read']);
    const token = await system.token('rsd_ava', {
      clientId: 'benefits-navigator-demo',
      scopes: ['identity:read', 'ssa:read', 'cms:read'],
    });
    system.clearSubgraphRequests();
    const result = await system.query<{ me: Record<string, unknown> }>(
      `{ me { givenName socialSecurity { fullRetirementAge { years } } passport { expiresOn }
              medicare { initialEnrollmentPeriod { start } } } }`,
      { token },
    );
    expect(result.status).toBe(200);
    expect(result.data?.me).toEqual({
      givenName: 'Ava',
      socialSecurity: { fullRetirementAge: { years: 67 } },
      passport: null,
      medicare: { initialEnrollmentPeriod: { start: '2026-05-01' } },
    });
    expect(errorsOf(result)).toEqual([
      { path: ['me', 'passport'], code: 'FORBIDDEN', reason: 'scope:state:read' },
    ]);
    expect(system.subgraphRequests('state')).toEqual([]);
    expect(asked('ssa')).toContain('socialSecurity');
  });

  it('cuts a token down to its client’s ceiling', async () => {
    // TaxHelper is registered for identity and IRS scopes only; the ssa:read in its token counts for nothing.
    await consent('rsd_ava', 'taxhelper-demo', ['identity:read', 'irs:read', 'ssa:read']);
    const token = await system.token('rsd_ava', {
      clientId: 'taxhelper-demo',
      scopes: ['identity:read', 'irs:read', 'ssa:read'],
    });
    const result = await system.query(
      '{ me { givenName socialSecurity { fullRetirementAge { years } } } }',
      { token },
    );
    expect(result.data).toEqual({ me: { givenName: 'Ava', socialSecurity: null } });
    expect(errorsOf(result)).toEqual([
      { path: ['me', 'socialSecurity'], code: 'FORBIDDEN', reason: 'scope:ssa:read' },
    ]);
  });

  it('treats a token of an unregistered client as anonymous: public fields only', async () => {
    const token = await system.token('rsd_ava', { clientId: 'scraper-9000' });
    system.clearSubgraphRequests();
    const result = await system.query<{ lifeEvents: unknown[]; me: null }>(
      '{ lifeEvents { kind } me { givenName } }',
      { token },
    );
    expect(result.data?.lifeEvents).toHaveLength(4);
    expect(result.data?.me).toBeNull();
    expect(errorsOf(result)).toEqual([
      { path: ['me'], code: 'UNAUTHENTICATED', reason: 'authentication' },
    ]);
    expect(result.errors?.[0]?.message).toContain('"scraper-9000" is not registered');
    expect(system.subgraphRequests('identity')).toEqual([]);
  });

  it('bubbles a refused non-null field up to the nearest nullable parent', async () => {
    // givenName is String!: without identity:read, `me` itself becomes null, with one error.
    const token = await system.token('rsd_ava', { scopes: ['ssa:read'] });
    const result = await system.query(
      '{ me { givenName socialSecurity { fullRetirementAge { years } } } }',
      { token },
    );
    expect(result.data).toEqual({ me: null });
    expect(errorsOf(result)).toEqual([
      { path: ['me', 'givenName'], code: 'FORBIDDEN', reason: 'scope:identity:read' },
    ]);
  });

  const movingTasks = `
    query Moving($withTasks: Boolean!) {
      me {
        journey(event: MOVING) {
          steps {
            agency
            work: task @include(if: $withTasks) {
              __typename
              ...Summary
              ... on TaxRefund { refund: amount }
              ... on MailForwarding { forwardingEndsOn }
            }
          }
        }
      }
    }
    fragment Summary on AgencyTask { title status { code } }`;

  interface MovingAnswer {
    me: { journey: { steps: { agency: string; work?: Record<string, unknown> | null }[] } };
  }

  it('refuses per type through fragments on an interface and a union, with aliases, for an unverified identity', async () => {
    // An AUTH_ONLY session may see statuses, but not tax return information (IRS: assurance VERIFIED).
    const token = await system.token('rsd_ava', { assurance: 'AUTH_ONLY' });
    system.clearSubgraphRequests();
    const result = await system.query<MovingAnswer>(movingTasks, {
      token,
      variables: { withTasks: true },
    });
    const steps = result.data!.me.journey.steps;
    const irsSteps = steps.flatMap((s, i) => (s.agency === 'IRS' ? [i] : []));
    expect(irsSteps.length).toBeGreaterThan(0);
    for (const [index, step] of steps.entries()) {
      if (step.agency === 'IRS') {
        // title is String!: the task itself becomes null.
        expect(step.work).toBeNull();
      } else {
        expect(step.work).toMatchObject({
          title: expect.any(String),
          status: { code: expect.any(String) },
        });
        expect(Object.keys(step.work!)[0]).toBe('__typename');
        expect(index).not.toBeUndefined();
      }
    }
    expect(errorsOf(result)).toEqual(
      irsSteps.map((i) => ({
        path: ['me', 'journey', 'steps', i, 'work', 'title'],
        code: 'FORBIDDEN',
        reason: 'policy:assurance:verified',
      })),
    );
    expect(system.subgraphRequests('irs')).toEqual([]);
    expect(asked('usps')).toContain('forwardingEndsOn');
  });

  it('refuses nothing that @include/@skip leaves out', async () => {
    const token = await system.token('rsd_ava', { assurance: 'AUTH_ONLY' });
    const result = await system.query<MovingAnswer>(movingTasks, {
      token,
      variables: { withTasks: false },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.me.journey.steps.every((s) => !('work' in s))).toBe(true);
  });

  it('decides @include/@skip for every request: a field left out once is still refused later', async () => {
    // A document of its own, so that no other test has run it first: the same text, asked first
    // without the tasks and then with them.
    const query = movingTasks.replace('query Moving(', 'query MovingTwice(');
    const token = await system.token('rsd_ava', { assurance: 'AUTH_ONLY' });
    const without = await system.query<MovingAnswer>(query, {
      token,
      variables: { withTasks: false },
    });
    expect(without.errors).toBeUndefined();
    system.clearSubgraphRequests();
    const withTasks = await system.query<MovingAnswer>(query, {
      token,
      variables: { withTasks: true },
    });
    const irsSteps = withTasks.data!.me.journey.steps.filter((s) => s.agency === 'IRS');
    expect(irsSteps.length).toBeGreaterThan(0);
    for (const step of irsSteps) expect(step.work).toBeNull();
    // Refused at the gateway, not only by the IRS itself: the IRS is never asked.
    expect(system.subgraphRequests('irs')).toEqual([]);
    expect(
      new Set(errorsOf(withTasks).map((e) => `${String(e.code)} ${String(e.reason)}`)),
    ).toEqual(new Set(['FORBIDDEN policy:assurance:verified']));
  });

  it('keeps amounts from an unverified identity, and the rest of the estimate', async () => {
    const token = await system.token('rsd_ava', { assurance: 'AUTH_ONLY' });
    const result = await system.query<{
      me: { socialSecurity: { ssnLast4: null; benefitEstimates: unknown[] } };
    }>('{ me { socialSecurity { ssnLast4 benefitEstimates { claimingAge monthlyAmount } } } }', {
      token,
    });
    expect(result.data!.me.socialSecurity.ssnLast4).toBeNull();
    expect(result.data!.me.socialSecurity.benefitEstimates[0]).toEqual({
      claimingAge: 62,
      monthlyAmount: null,
    });
    expect(new Set(errorsOf(result).map((e) => `${String(e.code)} ${String(e.reason)}`))).toEqual(
      new Set(['FORBIDDEN policy:assurance:verified']),
    );
    expect(asked('ssa')).not.toMatch(/ssnLast4|monthlyAmount/);
  });

  it('asks an anonymous caller to sign in, and still answers public fields', async () => {
    system.clearSubgraphRequests();
    const result = await system.query<{ lifeEvent: { title: string } }>(
      '{ lifeEvent(kind: MOVING) { title } me { id } }',
    );
    expect(result.data).toEqual({ lifeEvent: { title: 'Moving' }, me: null });
    expect(errorsOf(result)).toEqual([
      { path: ['me'], code: 'UNAUTHENTICATED', reason: 'authentication' },
    ]);
    expect(system.subgraphRequests('identity')).toEqual([]);
  });

  it('never shows a query plan to a client', async () => {
    const token = await system.token('rsd_ava');
    const result = await system.query('{ me { givenName } }', {
      token,
      headers: {
        'apollo-query-plan-experimental': '1',
        'apollo-query-plan-experimental-format': 'internal',
      },
    });
    expect(result.data).toEqual({ me: { givenName: 'Ava' } });
    expect(JSON.stringify(result)).not.toMatch(/queryPlan|Fetch|service/i);
  });
});
