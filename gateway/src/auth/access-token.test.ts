import { anonymousCaller, generateSigningKey, type SigningKey } from '@resident-graph/caller';
import { DEV_AUDIENCE, DEV_ISSUER, issueAccessToken } from '@resident-graph/dev-issuer';
import { SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './access-token.js';

let issuerKey: SigningKey;
let otherKey: SigningKey;
let verify: AccessTokenVerifier;
const requestId = 'req-1';

beforeAll(async () => {
  issuerKey = (await generateSigningKey('issuer-1')).key;
  otherKey = (await generateSigningKey('issuer-1')).key; // same kid, different key: a forgery
  verify = createAccessTokenVerifier({
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    jwks: issuerKey.jwks,
  });
});

const bearer = (token: string) => `Bearer ${token}`;

/** A valid token for rsd_ava from the dev issuer, with exactly these other claims. */
const tokenWithClaims = (claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: issuerKey.kid })
    .setSubject('rsd_ava')
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(issuerKey.privateKey);

describe('createAccessTokenVerifier', () => {
  it('turns a valid token into the caller it names', async () => {
    const token = await issueAccessToken(issuerKey, {
      residentId: 'rsd_ava',
      scopes: ['resident:read', 'consent:write'],
      assurance: 'VERIFIED_FACIAL_MATCH',
    });
    await expect(verify(bearer(token), requestId)).resolves.toEqual({
      residentId: 'rsd_ava',
      clientId: 'resident-graph-dev',
      scopes: ['resident:read', 'consent:write'],
      assurance: 'VERIFIED_FACIAL_MATCH',
      requestId,
      authError: null,
    });
  });

  it('accepts the scheme in any case (RFC 6750)', async () => {
    const token = await issueAccessToken(issuerKey, { residentId: 'rsd_ava' });
    expect((await verify(`bearer ${token}`, requestId)).residentId).toBe('rsd_ava');
  });

  it('treats a missing token as an anonymous caller with no complaint', async () => {
    await expect(verify(undefined, requestId)).resolves.toEqual(anonymousCaller(requestId));
  });

  it.each([
    ['an expired token', { expiresIn: '-2h' }, 'the access token has expired'],
    [
      'another issuer',
      { issuer: 'https://evil.example/' },
      'the access token was not issued by a trusted sign-in service',
    ],
    [
      'another audience',
      { audience: 'some-other-api' },
      'the access token was not issued for this service',
    ],
  ])('refuses %s, saying why', async (_case, options, reason) => {
    const token = await issueAccessToken(issuerKey, { residentId: 'rsd_ava', ...options });
    await expect(verify(bearer(token), requestId)).resolves.toEqual(
      anonymousCaller(requestId, reason),
    );
  });

  it('refuses a token signed by another key under the same key id', async () => {
    const token = await issueAccessToken(otherKey, { residentId: 'rsd_ava' });
    await expect(verify(bearer(token), requestId)).resolves.toEqual(
      anonymousCaller(requestId, 'the access token signature is not valid'),
    );
  });

  it('refuses a token signed by a key it does not know', async () => {
    const stranger = (await generateSigningKey('stranger')).key;
    const token = await issueAccessToken(stranger, { residentId: 'rsd_ava' });
    expect((await verify(bearer(token), requestId)).authError).toBe(
      'the access token was signed with an unknown key',
    );
  });

  it('refuses an HMAC token made with the public key as the secret (algorithm confusion)', async () => {
    const publicJwk = issuerKey.jwks.keys[0] as JWK;
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const token = await new SignJWT({ acr: 'VERIFIED' })
      .setProtectedHeader({ alg: 'HS256', kid: 'issuer-1' })
      .setSubject('rsd_ava')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    const caller = await verify(bearer(token), requestId);
    expect(caller.residentId).toBeNull();
    expect(caller.authError).toBe('the access token uses an algorithm that is not accepted');
  });

  it('refuses a token without a subject', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', kid: issuerKey.kid })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(issuerKey.privateKey);
    await expect(verify(bearer(token), requestId)).resolves.toEqual(
      anonymousCaller(requestId, 'the access token is missing or has an invalid "sub" claim'),
    );
  });

  it.each([
    ['Basic dXNlcjpwYXNz', 'the Authorization header must be "Bearer <access token>"'],
    ['Bearer', 'the Authorization header must be "Bearer <access token>"'],
    ['Bearer a b', 'the Authorization header must be "Bearer <access token>"'],
    ['', 'the Authorization header must be "Bearer <access token>"'],
    ['Bearer not-a-jwt', 'the access token is malformed'],
    ['Bearer aaa.bbb.ccc', 'the access token is malformed'],
  ])('refuses the header %j, saying why', async (header, reason) => {
    await expect(verify(header, requestId)).resolves.toEqual(anonymousCaller(requestId, reason));
  });

  it('takes the client from azp when the token has no client_id (OIDC style)', async () => {
    const token = await tokenWithClaims({ azp: 'usagov-app', scope: 'ssa:read' });
    expect(await verify(bearer(token), requestId)).toMatchObject({
      clientId: 'usagov-app',
      scopes: ['ssa:read'],
    });
  });

  it('keeps an unknown assurance level from counting as any level', async () => {
    const token = await tokenWithClaims({ acr: 'urn:acr.login.gov:super' });
    const caller = await verify(bearer(token), requestId);
    expect(caller).toMatchObject({
      residentId: 'rsd_ava',
      assurance: null,
      scopes: [],
      clientId: null,
    });
  });

  it('logs, and runs the request anonymously, when the provider keys cannot be fetched', async () => {
    const error = vi.fn();
    // Port 9 on loopback: nothing listens there, so the fetch fails fast and leaves the machine.
    const remote = createAccessTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      jwksUrl: 'http://127.0.0.1:9/jwks.json',
      logger: { error },
    });
    const token = await issueAccessToken(issuerKey, { residentId: 'rsd_ava' });
    await expect(remote(bearer(token), requestId)).resolves.toEqual(
      anonymousCaller(requestId, 'the access token could not be checked right now'),
    );
    expect(error).toHaveBeenCalledOnce();
  });

  it('remembers a verified token for its own request id each time, and never past its expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-07T12:00:00Z'));
      const strict = createAccessTokenVerifier({
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        jwks: issuerKey.jwks,
        clockToleranceSeconds: 0,
      });
      const token = bearer(
        await new SignJWT({})
          .setProtectedHeader({ alg: 'EdDSA', kid: issuerKey.kid })
          .setSubject('rsd_ava')
          .setIssuer(DEV_ISSUER)
          .setAudience(DEV_AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('60s')
          .sign(issuerKey.privateKey),
      );
      expect((await strict(token, 'req-a')).requestId).toBe('req-a');
      // Served from memory now, but still this request's caller.
      expect(await strict(token, 'req-b')).toMatchObject({
        residentId: 'rsd_ava',
        requestId: 'req-b',
      });
      vi.setSystemTime(new Date('2026-12-07T12:01:01Z'));
      await expect(strict(token, 'req-c')).resolves.toEqual(
        anonymousCaller('req-c', 'the access token has expired'),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not remember a token that failed, nor one of another key', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', kid: otherKey.kid })
      .setSubject('rsd_ava')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(otherKey.privateKey);
    for (const id of ['req-1', 'req-2'])
      expect((await verify(bearer(forged), id)).authError).toBe(
        'the access token signature is not valid',
      );
  });

  it('needs exactly one source of keys', () => {
    expect(() => createAccessTokenVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE })).toThrow(
      /jwks/,
    );
    expect(() =>
      createAccessTokenVerifier({
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        jwks: issuerKey.jwks,
        jwksUrl: 'http://127.0.0.1:9/jwks.json',
      }),
    ).toThrow(/not both/);
  });
});
