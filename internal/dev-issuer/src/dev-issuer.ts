import {
  assuranceLevels,
  loadOrCreateSigningKeyFile,
  publicJwksPath,
  SIGNING_ALG,
  type AssuranceLevel,
  type SigningKey,
} from '@resident-graph/caller';
import { scopes as knownScopes, staffAgencyOf } from '@resident-graph/authorization';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/**
 * Issuer URL of the development sign-in service. It is an identifier, not an address: nothing is
 * served there, because the gateway reads the dev issuer's public key from a file (no discovery).
 */
export const DEV_ISSUER = 'http://127.0.0.1/dev-issuer';
/** The audience access tokens are issued for: the Resident Graph API as a whole. */
export const DEV_AUDIENCE = 'resident-graph';
/** OAuth client the development tokens claim to be issued to. */
export const DEV_CLIENT_ID = 'resident-graph-dev';

/** `<dataDir>/keys/dev-issuer.json`: the dev issuer's private key (mode 0600, never committed). */
export const devIssuerKeyFile = (dataDir: string) => join(dataDir, 'keys', 'dev-issuer.json');
/** `<dataDir>/keys/dev-issuer.jwks.json`: its public JWKS, which the gateway trusts in development. */
export const devIssuerJwksFile = (dataDir: string) => publicJwksPath(devIssuerKeyFile(dataDir));

/**
 * The dev issuer's signing key, created on first use. The gateway (on start) and `npm run token` both
 * call this with the same DATA_DIR, so whichever runs first creates the key the other one uses.
 */
export async function loadOrCreateDevIssuerKey(dataDir: string): Promise<SigningKey> {
  return loadOrCreateSigningKeyFile(
    devIssuerKeyFile(dataDir),
    `dev-issuer-${randomUUID().slice(0, 8)}`,
  );
}

export interface AccessTokenOptions {
  /** Platform resident id, the token's `sub`. */
  residentId: string;
  /** Default `resident-graph-dev`. */
  clientId?: string;
  /** Default every scope a resident's own (first-party) app may hold: all but the staff scopes. */
  scopes?: readonly string[];
  /** Identity assurance level, the token's `acr`. Default `VERIFIED`. */
  assurance?: AssuranceLevel;
  /** A jose duration (`30m`, `1h`, `2 days`) or seconds. Default `1h`. */
  expiresIn?: string | number;
  /** Default DEV_ISSUER. */
  issuer?: string;
  /** Default DEV_AUDIENCE. */
  audience?: string;
}

/**
 * Signs an access token shaped like the ones Login.gov-style OIDC providers issue (RFC 9068 JWT access
 * token). Development and tests only: production tokens come from the real identity provider.
 */
export async function issueAccessToken(
  key: SigningKey,
  options: AccessTokenOptions,
): Promise<string> {
  const {
    residentId,
    clientId = DEV_CLIENT_ID,
    scopes = Object.keys(knownScopes).filter((scope) => staffAgencyOf(scope) === null),
    assurance = 'VERIFIED',
    expiresIn = '1h',
    issuer = DEV_ISSUER,
    audience = DEV_AUDIENCE,
  } = options;
  if (!residentId) throw new RangeError('an access token needs a resident id');
  // Callers outside TypeScript (the token script) can pass anything; refuse rather than mint junk.
  if (!assuranceLevels.includes(assurance)) {
    throw new RangeError(
      `unknown assurance level ${assurance}; expected one of ${assuranceLevels.join(', ')}`,
    );
  }
  return new SignJWT({ client_id: clientId, scope: scopes.join(' '), acr: assurance })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'at+jwt' })
    .setSubject(residentId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === 'number' ? `${expiresIn}s` : expiresIn)
    .setJti(randomUUID())
    .sign(key.privateKey);
}
