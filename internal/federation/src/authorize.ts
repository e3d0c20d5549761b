import type { Caller } from '@resident-graph/caller';
import { ForbiddenError, UnauthenticatedError } from '@resident-graph/errors';

/**
 * The one rule every subgraph applies before returning a resident's data: the caller is that
 * resident. Enforced where the data lives, so no query shape through the gateway can get around it.
 */
export function assertMayReadResident(caller: Caller, residentId: string): void {
  if (!caller.residentId) throw new UnauthenticatedError(unauthenticatedMessage(caller));
  if (caller.residentId !== residentId) throw new ForbiddenError();
}

/** The signed-in resident's id, or UNAUTHENTICATED. */
export function requireResident(caller: Caller): string {
  if (!caller.residentId) throw new UnauthenticatedError(unauthenticatedMessage(caller));
  return caller.residentId;
}

function unauthenticatedMessage(caller: Caller): string {
  return caller.authError
    ? `Sign in to see this information (${caller.authError}).`
    : 'Sign in to see this information.';
}
