import { scopes, staffAgencyOf } from '@resident-graph/authorization';
import {
  anonymousCaller,
  generateSigningKey,
  signCallerToken,
  type Caller,
  type SigningKey,
} from '@resident-graph/caller';

/** A throwaway gateway signing key: tests never touch the development keys in .data/. */
export async function createTestGatewayKey(): Promise<SigningKey> {
  return (await generateSigningKey('test-gateway')).key;
}

/**
 * A caller as the gateway would verify it: a signed-in, verified resident of the first-party app,
 * holding every scope a resident's own app may hold, by default; anonymous with `null`.
 */
export function testCaller(residentId: string | null, overrides: Partial<Caller> = {}): Caller {
  if (residentId === null) return { ...anonymousCaller('test-request'), ...overrides };
  return {
    residentId,
    clientId: 'test-client',
    scopes: Object.keys(scopes).filter((scope) => staffAgencyOf(scope) === null),
    assurance: 'VERIFIED',
    requestId: 'test-request',
    authError: null,
    ...overrides,
  };
}

export { signCallerToken };
