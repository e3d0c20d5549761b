import { decodeProtectedHeader, jwtVerify, createLocalJWKSet, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
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
    await expect(createCallerVerifier(key.jwks, 'ssa')(token)).resolves.toEqual(ava);
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
