// The requests of the life-event workload: the three example life-event queries for many generated
// residents, each request with its own resident's access token (signed by the development issuer).
import { issueAccessToken, loadOrCreateDevIssuerKey } from '@resident-graph/dev-issuer';
import { generatedResidentId } from '@resident-graph/personas/generate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadRequest } from './load.js';

/** The example queries the workload rotates through, as bench:residents sends them. */
export const LIFE_EVENT_QUERIES = ['turning-65', 'having-a-child', 'moving'] as const;

export interface LifeEventTraffic {
  /** The request body of each query, in LIFE_EVENT_QUERIES order. */
  bodies: readonly string[];
  /** One access token per generated resident; `tokens[i]` is resident number i + 1's. */
  tokens: readonly string[];
  /** Query number `query` (LIFE_EVENT_QUERIES order) for generated resident number `resident` (from 1). */
  requestFor(resident: number, query: number): LoadRequest;
  /**
   * Request number `n` of a run. Consecutive requests are for different residents and queries, and
   * 3 × residents requests cover every (resident, query) pair once.
   */
  request(n: number): LoadRequest;
  /** A fresh sequence for one load run: the next request each time it is called. */
  sequence(): () => LoadRequest;
}

export async function createLifeEventTraffic(
  root: string,
  dataDir: string,
  residents: number,
): Promise<LifeEventTraffic> {
  const bodies = LIFE_EVENT_QUERIES.map((name) =>
    JSON.stringify({ query: readFileSync(join(root, 'examples', `${name}.graphql`), 'utf8') }),
  );
  const key = await loadOrCreateDevIssuerKey(dataDir);
  // Long-lived, so that no token expires during a long run.
  const tokens = await Promise.all(
    Array.from({ length: residents }, (_, i) =>
      issueAccessToken(key, { residentId: generatedResidentId(i + 1), expiresIn: '12h' }),
    ),
  );
  const requestFor = (resident: number, query: number): LoadRequest => ({
    body: bodies[query]!,
    headers: { authorization: `Bearer ${tokens[resident - 1]}` },
  });
  // The query is shifted by one each pass over the residents, so each resident gets every query in
  // turn even when the number of residents is a multiple of the number of queries.
  const request = (n: number): LoadRequest =>
    requestFor((n % residents) + 1, (n + Math.floor(n / residents)) % bodies.length);
  return {
    bodies,
    tokens,
    requestFor,
    request,
    sequence: () => {
      let n = 0;
      return () => request(n++);
    },
  };
}

/** A GraphQL answer with errors (or none at all) counts as failed, even with HTTP 200. */
export const hasErrors = (body: string): boolean => body.includes('"errors"');
