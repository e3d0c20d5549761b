import { anonymousCaller, type Caller } from '@resident-graph/caller';
import { describe, expect, it } from 'vitest';
import { checkAccess } from './check.js';
import { NO_REQUIREMENT, type Requirement } from './requirement.js';

const resident = (overrides: Partial<Caller> = {}): Caller => ({
  residentId: 'rsd_ava',
  clientId: 'resident-graph-dev',
  scopes: ['ssa:read', 'irs:read'],
  assurance: 'VERIFIED',
  requestId: 'r1',
  authError: null,
  ...overrides,
});
const needs = (r: Partial<Requirement>): Requirement => ({ ...NO_REQUIREMENT, ...r });

describe('checkAccess', () => {
  it('allows what the caller holds', () => {
    expect(
      checkAccess(resident(), needs({ authenticated: true, scopes: [[['ssa:read']]] })),
    ).toBeNull();
    expect(checkAccess(anonymousCaller('r'), NO_REQUIREMENT)).toBeNull();
  });

  it('asks an anonymous caller to sign in, whatever else the field needs, with the token’s problem', () => {
    const refusal = checkAccess(
      anonymousCaller('r', 'the access token has expired'),
      needs({ scopes: [[['ssa:read']]] }),
    );
    expect(refusal).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'authentication',
      message: 'Sign in to see this information (the access token has expired).',
    });
  });

  it('names the missing scope, trying every alternative', () => {
    const requirement = needs({ scopes: [[['cms:read'], ['ssa:read', 'state:read']]] });
    expect(checkAccess(resident(), requirement)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'scope:cms:read',
    });
    expect(checkAccess(resident({ scopes: ['ssa:read', 'state:read'] }), requirement)).toBeNull();
  });

  it('needs every application to hold (a type’s and a field’s)', () => {
    const requirement = needs({ scopes: [[['ssa:read']], [['irs:read']]] });
    expect(checkAccess(resident(), requirement)).toBeNull();
    expect(checkAccess(resident({ scopes: ['ssa:read'] }), requirement)?.reason).toBe(
      'scope:irs:read',
    );
  });

  it('checks assurance policies by level, stronger levels included', () => {
    const verified = needs({ policies: [[['assurance:verified']]] });
    expect(checkAccess(resident({ assurance: 'AUTH_ONLY' }), verified)).toEqual({
      code: 'FORBIDDEN',
      reason: 'policy:assurance:verified',
      message: 'Verify your identity with a document check to see this information.',
    });
    expect(checkAccess(resident({ assurance: null }), verified)?.code).toBe('FORBIDDEN');
    expect(checkAccess(resident({ assurance: 'VERIFIED_FACIAL_MATCH' }), verified)).toBeNull();
    const facial = needs({ policies: [[['assurance:facial-match']]] });
    expect(checkAccess(resident(), facial)?.reason).toBe('policy:assurance:facial-match');
  });
});
