import { KeyObject, sign, type webcrypto } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { LRUCache } from 'lru-cache';
import { assuranceLevels, type AssuranceLevel, type Caller } from './caller.js';
import { SIGNING_ALG, type SigningKey } from './keys.js';
import { saneRequestId } from './request-id.js';

/**
 * The header that carries the gateway-signed caller token to subgraphs. The gateway always sets it
 * itself (overwriting anything a client sent) and subgraphs refuse requests without a valid one.
 */
export const CALLER_HEADER = 'x-resident-graph-caller';
export const CALLER_ISSUER = 'resident-graph-gateway';
/** Short enough that a leaked token is useless soon, long enough for one federated request. */
export const CALLER_TOKEN_TTL_SECONDS = 60;

/**
 * Signs `caller` for one subgraph (the audience), so a token cannot be replayed at another.
 *
 * The token says who is asking, not which request: the request id travels beside it in
 * `x-request-id` (REQUEST_ID_HEADER), so the gateway can send one token for many requests of the
 * same caller while most of its minute is left (gateway/src/auth/caller-tokens.ts, ADR 0002).
 *
 * A standard compact JWS (EdDSA, verified with jose by every subgraph, see createCallerVerifier),
 * signed with node:crypto's one-shot Ed25519 sign rather than jose's SignJWT: jose signs through
 * WebCrypto, whose every signature is an asynchronous job on libuv's thread pool, and the gateway
 * signs one token per subgraph per request; under load that cost about 250 µs of CPU per token
 * against about 45 µs here (docs/performance.md, ADR 0018). The claims are the same as before.
 */
export async function signCallerToken(
  caller: Caller,
  key: SigningKey,
  audience: string,
  ttlSeconds = CALLER_TOKEN_TTL_SECONDS,
): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = {
    client_id: caller.clientId,
    scope: caller.scopes.join(' '),
    acr: caller.assurance,
    auth_error: caller.authError,
    iss: CALLER_ISSUER,
    aud: audience,
    iat: issuedAt,
    exp: issuedAt + ttlSeconds,
    ...(caller.residentId ? { sub: caller.residentId } : {}),
  };
  const signingInput = `${protectedHeader(key.kid)}.${base64url(JSON.stringify(claims))}`;
  const signature = sign(null, Buffer.from(signingInput), keyObjectOf(key.privateKey));
  return `${signingInput}.${signature.toString('base64url')}`;
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

const headers = new Map<string, string>();
function protectedHeader(kid: string): string {
  let header = headers.get(kid);
  if (!header) {
    header = base64url(JSON.stringify({ alg: SIGNING_ALG, kid, typ: 'rg-caller+jwt' }));
    headers.set(kid, header);
  }
  return header;
}

const keyObjects = new WeakMap<webcrypto.CryptoKey, KeyObject>();
function keyObjectOf(key: webcrypto.CryptoKey): KeyObject {
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = KeyObject.from(key);
    keyObjects.set(key, keyObject);
  }
  return keyObject;
}

export class CallerTokenError extends Error {
  override name = 'CallerTokenError';
}

/** Verified tokens a subgraph remembers at most; the least recently used go first. */
const MAX_REMEMBERED_TOKENS = 10_000;

/** What a verified token says, before the request id is known, and until when it says it. */
interface VerifiedToken {
  caller: Omit<Caller, 'requestId'>;
  /** The `rid` claim of a token from a gateway before token reuse; null in any other. */
  rid: string | null;
  /** Its `exp` claim (seconds): refused from that second on, as jose refuses it. */
  exp: number;
}

/**
 * Verifies caller tokens minted by the gateway for `audience` (this subgraph's name). The caller's
 * request id is the request's `x-request-id` (`requestIdHeader`) when sane; else the `rid` claim
 * that gateways before token reuse signed into every token; else `unknown`.
 *
 * A token that verified is remembered until it expires, so the gateway's reused tokens (one per
 * caller and subgraph for about half a minute) are verified once: jose verifies through WebCrypto,
 * an asynchronous job on libuv's thread pool for every signature, and each life-event query brings
 * a subgraph one to three tokens. Safe because verifying is a function of the token's text and the
 * time: the same text has the same signature and claims, and its expiry is checked again at every
 * use. Only tokens that verified are remembered, so a refused one costs a verification every time.
 */
export function createCallerVerifier(gatewayJwks: JSONWebKeySet, audience: string) {
  const keySet = createLocalJWKSet(gatewayJwks);
  const remembered = new LRUCache<string, VerifiedToken>({ max: MAX_REMEMBERED_TOKENS });

  async function verify(token: string): Promise<VerifiedToken> {
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: CALLER_ISSUER,
        audience,
        algorithms: [SIGNING_ALG],
        typ: 'rg-caller+jwt',
        requiredClaims: ['exp', 'iat'],
      });
      const acr = payload['acr'];
      return {
        caller: {
          residentId: payload.sub ?? null,
          clientId: typeof payload['client_id'] === 'string' ? payload['client_id'] : null,
          // Frozen: every request with this token shares the list.
          scopes: Object.freeze(
            typeof payload['scope'] === 'string' ? payload['scope'].split(' ').filter(Boolean) : [],
          ),
          assurance: assuranceLevels.includes(acr as AssuranceLevel)
            ? (acr as AssuranceLevel)
            : null,
          authError: typeof payload['auth_error'] === 'string' ? payload['auth_error'] : null,
        },
        rid: typeof payload['rid'] === 'string' ? payload['rid'] : null,
        // Required above, and a number (jose checks its type).
        exp: payload.exp as number,
      };
    } catch (error) {
      throw new CallerTokenError(`invalid caller token: ${(error as Error).message}`);
    }
  }

  return async (
    token: string | undefined,
    requestIdHeader?: string | readonly string[],
  ): Promise<Caller> => {
    if (!token) throw new CallerTokenError('missing caller token');
    let verified = remembered.get(token);
    if (verified && verified.exp <= Math.floor(Date.now() / 1000)) {
      remembered.delete(token);
      verified = undefined;
    }
    if (!verified) {
      verified = await verify(token);
      remembered.set(token, verified);
    }
    return {
      ...verified.caller,
      requestId: saneRequestId(requestIdHeader) ?? verified.rid ?? 'unknown',
    };
  };
}
