import { decodeProtectedHeader, jwtVerify, createLocalJWKSet, decodeJwt, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Caller } from './caller.js';
import {
  CALLER_ISSUER,
  CALLER_TOKEN_TTL_SECONDS,
  createCallerVerifier,
  signCallerToken,
} from './caller-token.js';
import { generateSigningKey } from './keys.js';

const ava: Caller = {
  residentId: 'rsd_ava',
  clientId: 'web',
  scopes: ['resident:read', 'actions:write'],
  assurance: 'VERIFIED',
  requestId: 'req-1',
  authError: null,
};

describe('signCallerToken', () => {
  it('makes a standard EdDSA JWT that jose verifies, for one audience, valid for the TTL', async () => {
    const { key } = await generateSigningKey('gw-1');
    const token = await signCallerToken(ava, key, 'ssa');
    expect(decodeProtectedHeader(token)).toEqual({
      alg: 'EdDSA',
      kid: 'gw-1',
      typ: 'rg-caller+jwt',
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet(key.jwks), {
      issuer: CALLER_ISSUER,
      audience: 'ssa',
      algorithms: ['EdDSA'],
    });
    expect(payload.sub).toBe('rsd_ava');
    expect(payload.exp! - payload.iat!).toBe(CALLER_TOKEN_TTL_SECONDS);
    await expect(createCallerVerifier(key.jwks, 'ssa')(token, 'req-1')).resolves.toEqual(ava);
  });

  it('says who is asking, not which request: the request id travels in x-request-id', async () => {
    const { key } = await generateSigningKey('gw-1');
    const token = await signCallerToken(ava, key, 'ssa');
    expect(decodeJwt(token)).not.toHaveProperty('rid');
    // The same token told with two requests' ids: it is both callers, each with its own id.
    const verify = createCallerVerifier(key.jwks, 'ssa');
    expect((await verify(token, 'req-2')).requestId).toBe('req-2');
    expect((await verify(token, ['req-3', 'req-4'])).requestId).toBe('req-3');
    // No header, or one that could forge log fields: unknown.
    expect((await verify(token)).requestId).toBe('unknown');
    expect((await verify(token, 'two words\n"x":1')).requestId).toBe('unknown');
  });

  it("reads the rid claim of an older gateway's token when no request id is sent", async () => {
    const { key } = await generateSigningKey('gw-1');
    const issuedAt = Math.floor(Date.now() / 1000);
    const claims = { iss: CALLER_ISSUER, aud: 'ssa', iat: issuedAt, exp: issuedAt + 60 };
    const older = await new SignJWT({ ...claims, sub: 'rsd_ava', rid: 'req-old' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'gw-1', typ: 'rg-caller+jwt' })
      .sign(key.privateKey);
    const verify = createCallerVerifier(key.jwks, 'ssa');
    expect((await verify(older)).requestId).toBe('req-old');
    expect((await verify(older, 'req-new')).requestId).toBe('req-new');
  });

  it('is refused by another audience, another key and after any change to it', async () => {
    const { key } = await generateSigningKey('gw-1');
    const { key: other } = await generateSigningKey('gw-1');
    const token = await signCallerToken(ava, key, 'ssa');
    await expect(createCallerVerifier(key.jwks, 'irs')(token)).rejects.toThrow(/aud/);
    await expect(createCallerVerifier(other.jwks, 'ssa')(token)).rejects.toThrow(/signature/);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token), sub: 'rsd_ben' })).toString(
      'base64url',
    );
    await expect(
      createCallerVerifier(key.jwks, 'ssa')(`${header}.${forged}.${signature}`),
    ).rejects.toThrow(/signature/);
  });

  it('leaves out the subject of an anonymous caller', async () => {
    const { key } = await generateSigningKey('gw-1');
    const token = await signCallerToken({ ...ava, residentId: null }, key, 'ssa');
    expect(decodeJwt(token)).not.toHaveProperty('sub');
  });
});

describe('createCallerVerifier', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('verifies a reused token once, and tells each request its own caller', async () => {
    const { key } = await generateSigningKey('gw-1');
    const token = await signCallerToken(ava, key, 'ssa');
    const verify = createCallerVerifier(key.jwks, 'ssa');
    const signatureChecks = vi.spyOn(globalThis.crypto.subtle, 'verify');
    expect(await verify(token, 'req-2')).toEqual({ ...ava, requestId: 'req-2' });
    const second = await verify(token, 'req-3');
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    expect(second).toEqual({ ...ava, requestId: 'req-3' });
  });

  it('refuses a remembered token from the second it expires, as an unremembered one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const signedAt = Date.parse('2026-12-07T12:00:00Z');
    vi.setSystemTime(signedAt);
    const { key } = await generateSigningKey('gw-1');
    const token = await signCallerToken(ava, key, 'ssa');
    const verify = createCallerVerifier(key.jwks, 'ssa');
    await verify(token, 'req-2');
    vi.setSystemTime(signedAt + CALLER_TOKEN_TTL_SECONDS * 1000 - 1);
    await expect(verify(token, 'req-3')).resolves.toMatchObject({ residentId: 'rsd_ava' });
    vi.setSystemTime(signedAt + CALLER_TOKEN_TTL_SECONDS * 1000);
    await expect(verify(token, 'req-4')).rejects.toThrow(/"exp" claim/);
    await expect(createCallerVerifier(key.jwks, 'ssa')(token)).rejects.toThrow(/"exp" claim/);
  });

  it('remembers by the whole text: a token changed after one verified is still refused', async () => {
    const { key } = await generateSigningKey('gw-1');
    const token = await signCallerToken(ava, key, 'ssa');
    const verify = createCallerVerifier(key.jwks, 'ssa');
    await verify(token);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token), sub: 'rsd_ben' })).toString(
      'base64url',
    );
    await expect(verify(`${header}.${forged}.${signature}`)).rejects.toThrow(/signature/);
    await expect(verify(`${header}.${forged}.${signature}`)).rejects.toThrow(/signature/);
  });
});
