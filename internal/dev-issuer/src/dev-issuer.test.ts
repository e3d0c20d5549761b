import { generateSigningKey } from '@resident-graph/caller';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  devIssuerJwksFile,
  devIssuerKeyFile,
  issueAccessToken,
  loadOrCreateDevIssuerKey,
} from './dev-issuer.js';

const dataDir = mkdtempSync(join(tmpdir(), 'rg-dev-issuer-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('loadOrCreateDevIssuerKey', () => {
  it('creates the key and its public JWKS once, then reuses them', async () => {
    const created = await loadOrCreateDevIssuerKey(dataDir);
    expect(devIssuerKeyFile(dataDir)).toBe(join(dataDir, 'keys', 'dev-issuer.json'));
    expect(devIssuerJwksFile(dataDir)).toBe(join(dataDir, 'keys', 'dev-issuer.jwks.json'));
    expect(statSync(devIssuerKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    const published = JSON.parse(readFileSync(devIssuerJwksFile(dataDir), 'utf8'));
    expect(published.keys).toHaveLength(1);
    expect(published.keys[0]).not.toHaveProperty('d');

    const loaded = await loadOrCreateDevIssuerKey(dataDir);
    expect(loaded.kid).toBe(created.kid);
    // A token from the reloaded key verifies against the JWKS written at creation.
    const token = await issueAccessToken(loaded, { residentId: 'rsd_ava' });
    await expect(jwtVerify(token, createLocalJWKSet(published))).resolves.toBeDefined();
  });

  it('does not touch other directories', () => {
    expect(existsSync(join(dataDir, 'keys', 'gateway-caller.json'))).toBe(false);
  });
});

describe('issueAccessToken', () => {
  it('issues a Login.gov-style access token with defaults', async () => {
    const { key } = await generateSigningKey('test-issuer');
    const token = await issueAccessToken(key, { residentId: 'rsd_walter' });
    expect(decodeProtectedHeader(token)).toEqual({
      alg: 'EdDSA',
      kid: 'test-issuer',
      typ: 'at+jwt',
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet(key.jwks), {
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
    });
    expect(payload).toMatchObject({
      sub: 'rsd_walter',
      client_id: 'resident-graph-dev',
      scope:
        'identity:read journey:read ssa:read cms:read state:read irs:read usps:read va:read consent:manage actions:write',
      acr: 'VERIFIED',
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(typeof payload.jti).toBe('string');
  });

  it('takes scopes, assurance, lifetime, issuer and audience', async () => {
    const { key } = await generateSigningKey('test-issuer');
    const token = await issueAccessToken(key, {
      residentId: 'rsd_rosa',
      clientId: 'caseworker-portal',
      scopes: ['resident:read', 'caseworker'],
      assurance: 'VERIFIED_FACIAL_MATCH',
      expiresIn: 300,
      issuer: 'https://idp.test/',
      audience: 'other-api',
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet(key.jwks), {
      issuer: 'https://idp.test/',
      audience: 'other-api',
    });
    expect(payload).toMatchObject({
      client_id: 'caseworker-portal',
      scope: 'resident:read caseworker',
      acr: 'VERIFIED_FACIAL_MATCH',
    });
    expect(payload.exp! - payload.iat!).toBe(300);
  });

  it('refuses an unknown assurance level or an empty resident id', async () => {
    const { key } = await generateSigningKey('test-issuer');
    await expect(
      issueAccessToken(key, { residentId: 'rsd_ava', assurance: 'HIGH' as never }),
    ).rejects.toThrow(/unknown assurance level HIGH/);
    await expect(issueAccessToken(key, { residentId: '' })).rejects.toThrow(/resident id/);
  });
});
