import {
  createCallerVerifier,
  generateSigningKey,
  type Caller,
  type SigningKey,
} from '@resident-graph/caller';
import { decodeJwt } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCallerTokens } from './caller-tokens.js';

let key: SigningKey;
beforeAll(async () => {
  key = (await generateSigningKey('gw-test')).key;
});
afterEach(() => {
  vi.useRealTimers();
});

const ava: Caller = {
  residentId: 'rsd_ava',
  clientId: 'web',
  scopes: ['resident:read', 'actions:write'],
  assurance: 'VERIFIED',
  requestId: 'req-1',
  authError: null,
};

/** Date only: the signer reads the clock, nothing here waits on timers. */
const freezeClockAt = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};

describe('createCallerTokens', () => {
  it("reuses a caller's token at one subgraph across requests, each request keeping its own id", async () => {
    const tokens = createCallerTokens(key);
    const first = await tokens.tokenFor(ava, 'ssa');
    const second = await tokens.tokenFor({ ...ava, requestId: 'req-2' }, 'ssa');
    expect(second).toBe(first);
    const verify = createCallerVerifier(key.jwks, 'ssa');
    await expect(verify(second, 'req-2')).resolves.toEqual({ ...ava, requestId: 'req-2' });
  });

  it('never gives one caller the token of another, nor one subgraph the token of another', async () => {
    const tokens = createCallerTokens(key);
    const token = await tokens.tokenFor(ava, 'ssa');
    const others: [Caller, string][] = [
      [{ ...ava, residentId: 'rsd_ben' }, 'ssa'],
      [{ ...ava, clientId: 'partner' }, 'ssa'],
      [{ ...ava, scopes: ['resident:read'] }, 'ssa'],
      [{ ...ava, assurance: 'AUTH_ONLY' }, 'ssa'],
      [{ ...ava, residentId: null, authError: 'expired' }, 'ssa'],
      [ava, 'irs'],
    ];
    for (const [caller, audience] of others) {
      const other = await tokens.tokenFor(caller, audience);
      expect(other).not.toBe(token);
      const verified = await createCallerVerifier(key.jwks, audience)(other, caller.requestId);
      expect(verified).toEqual(caller);
    }
    // The order of scopes says nothing about the caller.
    expect(
      await tokens.tokenFor({ ...ava, scopes: ['actions:write', 'resident:read'] }, 'ssa'),
    ).toBe(token);
  });

  it('signs anew once less than half its life is left, so no token handed out has under 30 s', async () => {
    freezeClockAt('2026-12-07T10:00:00.500Z');
    const tokens = createCallerTokens(key);
    const first = await tokens.tokenFor(ava, 'ssa');
    expect(decodeJwt(first)).toMatchObject({ iat: 1796637600, exp: 1796637660 });

    vi.setSystemTime(new Date('2026-12-07T10:00:29.999Z'));
    expect(await tokens.tokenFor(ava, 'ssa')).toBe(first);

    // 30 s after its iat (whole seconds): 30 s left, the least allowed; a fresh one from now on.
    vi.setSystemTime(new Date('2026-12-07T10:00:30.000Z'));
    const second = await tokens.tokenFor(ava, 'ssa');
    expect(second).not.toBe(first);
    expect(decodeJwt(second)).toMatchObject({ iat: 1796637630, exp: 1796637690 });
  });

  it('signs a token every time when reuse is off (minLifeSeconds 0, or the whole TTL)', async () => {
    for (const minLifeSeconds of [0, 60]) {
      freezeClockAt('2026-12-07T10:00:00Z');
      const tokens = createCallerTokens(key, { minLifeSeconds });
      await tokens.tokenFor(ava, 'ssa');
      // Ed25519 gives the same bytes for the same claims: tell a new signature by its later iat.
      vi.setSystemTime(new Date('2026-12-07T10:00:01Z'));
      expect(decodeJwt(await tokens.tokenFor(ava, 'ssa')).iat).toBe(1796637601);
    }
  });

  it('keeps at most maxTokens, dropping the least recently used', async () => {
    freezeClockAt('2026-12-07T10:00:00Z');
    const tokens = createCallerTokens(key, { maxTokens: 2 });
    const ben = { ...ava, residentId: 'rsd_ben' };
    const cy = { ...ava, residentId: 'rsd_cy' };
    const avaToken = await tokens.tokenFor(ava, 'ssa');
    await tokens.tokenFor(ben, 'ssa');
    await tokens.tokenFor(ava, 'ssa');
    await tokens.tokenFor(cy, 'ssa'); // ben's goes
    vi.setSystemTime(new Date('2026-12-07T10:00:05Z'));
    expect(await tokens.tokenFor(ava, 'ssa')).toBe(avaToken);
    expect(decodeJwt(await tokens.tokenFor(ben, 'ssa')).iat).toBe(1796637605);
  });
});
