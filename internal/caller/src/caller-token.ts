import { createLocalJWKSet, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { assuranceLevels, type AssuranceLevel, type Caller } from './caller.js';
import { SIGNING_ALG, type SigningKey } from './keys.js';

/**
 * The header that carries the gateway-signed caller token to subgraphs. The gateway always sets it
 * itself (overwriting anything a client sent) and subgraphs refuse requests without a valid one.
 */
export const CALLER_HEADER = 'x-resident-graph-caller';
export const CALLER_ISSUER = 'resident-graph-gateway';
/** Short enough that a leaked token is useless soon, long enough for one federated request. */
export const CALLER_TOKEN_TTL_SECONDS = 60;

/** Signs `caller` for one subgraph (the audience), so a token cannot be replayed at another. */
export async function signCallerToken(
  caller: Caller,
  key: SigningKey,
  audience: string,
  ttlSeconds = CALLER_TOKEN_TTL_SECONDS,
): Promise<string> {
  const jwt = new SignJWT({
    client_id: caller.clientId,
    scope: caller.scopes.join(' '),
    acr: caller.assurance,
    rid: caller.requestId,
    auth_error: caller.authError,
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'rg-caller+jwt' })
    .setIssuer(CALLER_ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`);
  if (caller.residentId) jwt.setSubject(caller.residentId);
  return jwt.sign(key.privateKey);
}

export class CallerTokenError extends Error {
  override name = 'CallerTokenError';
}

/** Verifies caller tokens minted by the gateway for `audience` (this subgraph's name). */
export function createCallerVerifier(gatewayJwks: JSONWebKeySet, audience: string) {
  const keySet = createLocalJWKSet(gatewayJwks);
  return async (token: string | undefined): Promise<Caller> => {
    if (!token) throw new CallerTokenError('missing caller token');
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
        residentId: payload.sub ?? null,
        clientId: typeof payload['client_id'] === 'string' ? payload['client_id'] : null,
        scopes:
          typeof payload['scope'] === 'string' ? payload['scope'].split(' ').filter(Boolean) : [],
        assurance: assuranceLevels.includes(acr as AssuranceLevel) ? (acr as AssuranceLevel) : null,
        requestId: typeof payload['rid'] === 'string' ? payload['rid'] : 'unknown',
        authError: typeof payload['auth_error'] === 'string' ? payload['auth_error'] : null,
      };
    } catch (error) {
      throw new CallerTokenError(`invalid caller token: ${(error as Error).message}`);
    }
  };
}
