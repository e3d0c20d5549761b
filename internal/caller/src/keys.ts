import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { webcrypto } from 'node:crypto';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JSONWebKeySet } from 'jose';

export const SIGNING_ALG = 'EdDSA';

// Node's WebCrypto key type; the DOM lib (which declares the global) is not loaded on the server.
type CryptoKey = webcrypto.CryptoKey;

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  /** The public half as a JWKS, for whoever verifies. */
  readonly jwks: JSONWebKeySet;
}

export async function generateSigningKey(
  kid: string,
): Promise<{ key: SigningKey; privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: 'sig' };
  return { key: { kid, privateKey, jwks: { keys: [publicJwk] } }, privateJwk };
}

export async function signingKeyFromJwk(privateJwk: JWK): Promise<SigningKey> {
  if (!privateJwk.kid || !privateJwk.d) throw new Error('signing key JWK needs kid and d');
  const privateKey = (await importJWK(privateJwk, SIGNING_ALG)) as CryptoKey;
  const { d: _d, ...publicJwk } = privateJwk;
  return { kid: privateJwk.kid, privateKey, jwks: { keys: [{ ...publicJwk, use: 'sig' }] } };
}

/**
 * Development only: reads a private JWK from `file`, creating it (mode 0600) with a public JWKS beside
 * it (`<file>.jwks.json`) on first use. Production keys come from a secret store via config.
 */
export async function loadOrCreateSigningKeyFile(file: string, kid: string): Promise<SigningKey> {
  if (existsSync(file)) return signingKeyFromJwk(JSON.parse(readFileSync(file, 'utf8')) as JWK);
  const { key, privateJwk } = await generateSigningKey(kid);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
  writeFileSync(publicJwksPath(file), JSON.stringify(key.jwks, null, 2));
  return key;
}

export const publicJwksPath = (privateKeyFile: string) =>
  privateKeyFile.replace(/\.json$/, '') + '.jwks.json';
