import {
  anonymousCaller,
  assuranceLevels,
  type AssuranceLevel,
  type Caller,
} from '@resident-graph/caller';
import type { Logger } from '@resident-graph/logging';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';

/**
 * Asymmetric algorithms only: `none` and HMAC (`HS*`) are never accepted, so a token cannot be forged
 * with the public key as a shared secret (the classic algorithm-confusion attack).
 */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'] as const;

export interface AccessTokenVerifierOptions {
  /** Expected `iss`: the identity provider's issuer URL. */
  issuer: string;
  /** Expected `aud`: this API's identifier at the identity provider. */
  audience: string;
  /** The identity provider's public keys, when known locally (development, tests). */
  jwks?: JSONWebKeySet;
  /** Where the identity provider publishes its keys; fetched and cached by jose. */
  jwksUrl?: string;
  /** Accepted clock skew between the provider and us, in seconds. Default 30. */
  clockToleranceSeconds?: number;
  /** Default ACCESS_TOKEN_ALGORITHMS. */
  algorithms?: readonly string[];
  /** Receives failures that are ours rather than the client's (provider keys unreachable). */
  logger?: Pick<Logger, 'error'>;
  /**
   * Tokens remembered as verified, by their exact text, each until it expires or for
   * `verifiedTokenTtlSeconds`, whichever is sooner. Default 10000; 0 verifies every request.
   */
  verifiedTokenCacheSize?: number;
  /** The longest a verified token is remembered, in seconds. Default 300. */
  verifiedTokenTtlSeconds?: number;
}

/**
 * Turns the request's `Authorization` header into the Caller the gateway vouches for to subgraphs.
 * It never throws for a bad token: the request runs as anonymous, with `authError` saying why, so
 * public fields still answer and resident fields fail with UNAUTHENTICATED and a useful reason.
 */
export type AccessTokenVerifier = (
  authorization: string | undefined,
  requestId: string,
) => Promise<Caller>;

export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions,
): AccessTokenVerifier {
  const keys = keySet(options);
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: [...(options.algorithms ?? ACCESS_TOKEN_ALGORITHMS)],
    clockTolerance: options.clockToleranceSeconds ?? 30,
    requiredClaims: ['sub', 'exp', 'iat'],
  };

  // An app sends its token with every request until it expires; checking its signature each time
  // was the largest single cost of a resident's request (an asynchronous WebCrypto job per check,
  // docs/performance.md). A token that verified is remembered by its exact text, never past its
  // expiry, and at most verifiedTokenTtlSeconds (how long a revoked signing key may still be
  // honoured for a token it signed before). Failures are not remembered.
  const cacheSize = options.verifiedTokenCacheSize ?? 10_000;
  const longestMs = (options.verifiedTokenTtlSeconds ?? 300) * 1000;
  const verified =
    cacheSize > 0
      ? new LRUCache<string, { payload: JWTPayload; until: number }>({ max: cacheSize })
      : null;

  return async (authorization, requestId) => {
    if (authorization === undefined) return anonymousCaller(requestId);
    const token = bearerToken(authorization);
    if (!token)
      return anonymousCaller(requestId, 'the Authorization header must be "Bearer <access token>"');
    const known = verified?.get(token);
    if (known && Date.now() < known.until) return callerFromClaims(known.payload, requestId);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, verifyOptions));
      // jose accepted exp within the clock tolerance: remember it no longer than that.
      const until = Math.min(
        ((payload.exp ?? 0) + verifyOptions.clockTolerance) * 1000,
        Date.now() + longestMs,
      );
      verified?.set(token, { payload, until });
    } catch (error) {
      const reason = rejectionReason(error);
      if (reason === undefined) {
        options.logger?.error({ err: error, requestId }, 'could not check an access token');
        return anonymousCaller(requestId, 'the access token could not be checked right now');
      }
      return anonymousCaller(requestId, reason);
    }
    return callerFromClaims(payload, requestId);
  };
}

function keySet(options: AccessTokenVerifierOptions): JWTVerifyGetKey {
  if (options.jwks && options.jwksUrl) throw new Error('pass either jwks or jwksUrl, not both');
  if (options.jwks) return createLocalJWKSet(options.jwks);
  if (options.jwksUrl) return createRemoteJWKSet(new URL(options.jwksUrl));
  throw new Error('an access token verifier needs jwks or jwksUrl');
}

/** RFC 6750: the scheme is case-insensitive; the token is one run of token68 characters. */
function bearerToken(authorization: string): string | null {
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(authorization);
  return match?.[1] ?? null;
}

function callerFromClaims(payload: JWTPayload, requestId: string): Caller {
  const acr = payload['acr'];
  const scope = payload['scope'];
  // RFC 9068 access tokens name the client in client_id; OIDC-style tokens in azp.
  const clientId = payload['client_id'] ?? payload['azp'];
  return {
    // requiredClaims guarantees presence, not type: jose checks `sub` is a string when present.
    residentId: payload.sub ?? null,
    clientId: typeof clientId === 'string' ? clientId : null,
    scopes: typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [],
    // An unknown level counts as no assurance: fields that need one then refuse, never the reverse.
    assurance: assuranceLevels.includes(acr as AssuranceLevel) ? (acr as AssuranceLevel) : null,
    requestId,
    authError: null,
  };
}

/**
 * A short reason the client may see for a refused token (it ends up in UNAUTHENTICATED messages), or
 * undefined when the failure is not the token's fault. jose's own messages are not used: they can
 * quote claim values.
 */
function rejectionReason(error: unknown): string | undefined {
  if (error instanceof errors.JWTExpired) return 'the access token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'the access token was not issued by a trusted sign-in service';
      case 'aud':
        return 'the access token was not issued for this service';
      case 'nbf':
      case 'iat':
        return 'the access token is not valid yet';
      default:
        return `the access token is missing or has an invalid "${error.claim}" claim`;
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'the access token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'the access token was signed with an unknown key';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return 'the access token uses an algorithm that is not accepted';
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return 'the access token is malformed';
  return undefined;
}
