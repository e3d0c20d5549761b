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

/** A caller as the gateway would verify it: signed-in resident by default, anonymous with `null`. */
export function testCaller(residentId: string | null, overrides: Partial<Caller> = {}): Caller {
  if (residentId === null) return { ...anonymousCaller('test-request'), ...overrides };
  return {
    residentId,
    clientId: 'test-client',
    scopes: ['resident:read'],
    assurance: 'VERIFIED',
    requestId: 'test-request',
    authError: null,
    ...overrides,
  };
}

export { signCallerToken };
