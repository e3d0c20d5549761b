import { Agent, request } from 'undici';

/** What a subgraph sent back to one POST, read whole. */
export interface SubgraphReply {
  status: number;
  /** The Content-Type header, lowercased; null when absent. */
  contentType: string | null;
  /** The Cache-Control header; null when absent. */
  cacheControl: string | null;
  body: string;
}

/** One keep-alive connection pool per process for every subgraph: they sit on a private network. */
let sharedAgent: Agent | undefined;
export const subgraphAgent = () =>
  (sharedAgent ??= new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 }));

/**
 * POSTs a GraphQL request to a subgraph with undici's `request()` and reads the answer whole. This
 * is the client fetches' whole HTTP stack: no WHATWG Request, Response or Headers objects are made
 * per fetch (the default stack's allocations were a large share of the gateway's garbage
 * collection in the public workload's profile, docs/performance.md). Rejects when the subgraph
 * cannot be reached or `signal` fires, while waiting for headers or while reading the body.
 */
export async function postToSubgraph(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal | undefined,
): Promise<SubgraphReply> {
  const response = await request(url, {
    method: 'POST',
    headers,
    body,
    ...(signal ? { signal } : {}),
    dispatcher: subgraphAgent(),
  });
  const contentType = response.headers['content-type'];
  const cacheControl = response.headers['cache-control'];
  return {
    status: response.statusCode,
    contentType: typeof contentType === 'string' ? contentType.toLowerCase() : null,
    cacheControl: typeof cacheControl === 'string' ? cacheControl : null,
    body: await response.body.text(),
  };
}
