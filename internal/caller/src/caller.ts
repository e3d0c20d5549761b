/** Identity assurance levels, weakest first (NIST 800-63 IAL, as Login.gov names them). */
export const assuranceLevels = ['AUTH_ONLY', 'VERIFIED', 'VERIFIED_FACIAL_MATCH'] as const;
export type AssuranceLevel = (typeof assuranceLevels)[number];

/**
 * Who is asking, as the gateway verified it. Subgraphs receive this (signed) on every request and
 * decide on it; they never see the client's own token.
 */
export interface Caller {
  /** Platform resident id of the signed-in resident; null for an anonymous request. */
  readonly residentId: string | null;
  /** OAuth client (front end, integrator) the token was issued to. */
  readonly clientId: string | null;
  readonly scopes: readonly string[];
  readonly assurance: AssuranceLevel | null;
  /** Correlates log lines across gateway and subgraphs. */
  readonly requestId: string;
  /** Why the client's token was refused, when it was; lets subgraphs say so in UNAUTHENTICATED. */
  readonly authError: string | null;
}

export function anonymousCaller(requestId: string, authError: string | null = null): Caller {
  return { residentId: null, clientId: null, scopes: [], assurance: null, requestId, authError };
}

const identityKeys = new WeakMap<Caller, string>();

/**
 * Everything a subgraph decides on about a caller (resident, client, scopes, assurance, why a token
 * was refused), as one string: two callers with the same key get the same answers and may share a
 * caller token or an in-flight fetch. The request id is not part of it. Remembered per caller
 * object, since a request asks for it once per subgraph fetch.
 */
export function callerIdentityKey(caller: Caller): string {
  let key = identityKeys.get(caller);
  if (key === undefined) {
    key = JSON.stringify([
      caller.residentId,
      caller.clientId,
      [...caller.scopes].sort(),
      caller.assurance,
      caller.authError,
    ]);
    identityKeys.set(caller, key);
  }
  return key;
}
