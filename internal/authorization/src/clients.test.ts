import { anonymousCaller, type Caller } from '@resident-graph/caller';
import { describe, expect, it } from 'vitest';
import { ClientRegistryError, createClientRegistry } from './clients.js';

const registry = createClientRegistry({
  clients: [
    { id: 'gov-app', name: 'Gov app', kind: 'first-party', scopes: ['ssa:read', 'irs:read'] },
    { id: 'tax-app', name: 'Tax app', kind: 'third-party', scopes: ['irs:read'] },
  ],
});
const caller = (clientId: string | null, scopes: string[]): Caller => ({
  residentId: 'rsd_ava',
  clientId,
  scopes,
  assurance: 'VERIFIED',
  requestId: 'r1',
  authError: null,
});

describe('client registry', () => {
  it('cuts a token’s scopes down to its client’s ceiling', () => {
    expect(registry.restrict(caller('tax-app', ['irs:read', 'ssa:read', 'admin'])).scopes).toEqual([
      'irs:read',
    ]);
    expect(registry.restrict(caller('gov-app', ['ssa:read'])).scopes).toEqual(['ssa:read']);
  });

  it('treats an unregistered client, or none, as anonymous, saying why', () => {
    expect(registry.restrict(caller('evil', ['ssa:read']))).toEqual(
      anonymousCaller('r1', 'the application "evil" is not registered with Resident Graph'),
    );
    expect(registry.restrict(caller(null, ['ssa:read'])).authError).toBe(
      'the access token names no client application',
    );
  });

  it('refuses a registry with unknown scopes, duplicate ids or missing fields, listing every problem', () => {
    const bad = () =>
      createClientRegistry(
        {
          clients: [
            { id: 'a', name: 'A', kind: 'first-party', scopes: ['ssa:write'] },
            { id: 'b-app', name: 'B', kind: 'partner', scopes: ['ssa:read'] },
            { id: 'b-app', name: 'B again', kind: 'first-party', scopes: ['ssa:read'] },
          ],
        },
        'clients.json',
      );
    expect(bad).toThrow(ClientRegistryError);
    expect(bad).toThrow(/clients\.0\.id[\s\S]*clients\.0\.scopes\.0[\s\S]*clients\.1\.kind/);
  });
});
