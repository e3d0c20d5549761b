import type { Caller } from '@resident-graph/caller';
import { ForbiddenError, UnauthenticatedError } from '@resident-graph/errors';
import type { GraphQLError } from 'graphql';
import type { Requirement } from './requirement.js';
import { policies } from './vocabulary.js';

/** Why a caller may not read a field: the code the client gets and what is missing. */
export interface Refusal {
  /**
   * UNAUTHENTICATED or FORBIDDEN from the rules; the gateway's consent and staff checks add
   * CONSENT_REQUIRED, CONSENT_FETCH_LIMIT and STAFF_CASE_REQUIRED (docs/privacy.md).
   */
  readonly code:
    | 'UNAUTHENTICATED'
    | 'FORBIDDEN'
    | 'CONSENT_REQUIRED'
    | 'CONSENT_FETCH_LIMIT'
    | 'STAFF_CASE_REQUIRED';
  /** What is missing, stable for programs: `authentication`, `scope:<scope>`, `policy:<policy>`. */
  readonly reason: string;
  /** The same in plain words, for people. */
  readonly message: string;
}

/** Whether `caller` meets `requirement`: null when it does, else the first thing missing. */
export function checkAccess(caller: Caller, requirement: Requirement): Refusal | null {
  // Anyone anonymous is refused as UNAUTHENTICATED whatever else is missing: signing in comes first.
  const anonymous = caller.residentId === null;
  const unauthenticated = (): Refusal => ({
    code: 'UNAUTHENTICATED',
    reason: 'authentication',
    message: caller.authError
      ? `Sign in to see this information (${caller.authError}).`
      : 'Sign in to see this information.',
  });
  if (requirement.authenticated && anonymous) return unauthenticated();

  for (const alternatives of requirement.scopes) {
    if (alternatives.some((set) => set.every((scope) => caller.scopes.includes(scope)))) continue;
    if (anonymous) return unauthenticated();
    const missing = (alternatives[0] ?? []).filter((scope) => !caller.scopes.includes(scope));
    return {
      code: 'FORBIDDEN',
      reason: `scope:${missing.join(',')}`,
      message: `This application has not been given access to this information (it needs the ${missing.join(' and ')} scope).`,
    };
  }
  for (const alternatives of requirement.policies) {
    if (alternatives.some((set) => set.every((policy) => policies[policy].allows(caller))))
      continue;
    if (anonymous) return unauthenticated();
    const failing = (alternatives[0] ?? []).find((policy) => !policies[policy].allows(caller));
    const policy = failing ?? alternatives[0]?.[0] ?? 'assurance:verified';
    return { code: 'FORBIDDEN', reason: `policy:${policy}`, message: policies[policy].remedy };
  }
  return null;
}

/** The GraphQL error a refused field answers with, the same from the gateway and from a subgraph. */
export function refusalError(refusal: Refusal): GraphQLError {
  return refusal.code === 'UNAUTHENTICATED'
    ? new UnauthenticatedError(refusal.message, { reason: refusal.reason })
    : new ForbiddenError(refusal.message, { reason: refusal.reason });
  // (Subgraphs only ever refuse with the first two; the consent codes are the gateway's.)
}
