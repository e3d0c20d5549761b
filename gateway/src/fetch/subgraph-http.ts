import { Agent, type Dispatcher } from 'undici';

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

/** Subgraph URLs split once into undici's origin and path. */
const targets = new Map<string, { origin: string; path: string }>();
function targetOf(url: string) {
  let target = targets.get(url);
  if (!target) {
    const parsed = new URL(url);
    target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    targets.set(url, target);
  }
  return target;
}

/**
 * POSTs a GraphQL request to a subgraph and reads the answer whole, through undici's lowest-level
 * API (`dispatch` with a handler that collects the body's chunks). This is the client fetches'
 * whole HTTP stack: no WHATWG Request, Response or Headers objects and no body stream per fetch;
 * the default stack's allocations were a large share of the gateway's CPU and garbage collection in
 * the public workload's profile (docs/performance.md). Rejects when the subgraph cannot be reached
 * or `signal` fires, while waiting for headers or while reading the body.
 */
export function postToSubgraph(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal | undefined,
): Promise<SubgraphReply> {
  const { origin, path } = targetOf(url);
  return new Promise<SubgraphReply>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    let settled = false;
    let controller: Dispatcher.DispatchController | undefined;
    const onAbort = () => {
      const reason = signal?.reason as Error;
      controller?.abort(reason);
      settle(() => reject(reason));
    };
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    let status = 0;
    let contentType: string | null = null;
    let cacheControl: string | null = null;
    const chunks: Buffer[] = [];
    subgraphAgent().dispatch(
      { origin, path, method: 'POST', headers, body },
      {
        onRequestStart(started) {
          controller = started;
          if (settled) started.abort(new Error('request abandoned'));
        },
        onResponseStart(_controller, statusCode, responseHeaders) {
          status = statusCode;
          const type = responseHeaders['content-type'];
          const cache = responseHeaders['cache-control'];
          contentType = typeof type === 'string' ? type.toLowerCase() : null;
          cacheControl = typeof cache === 'string' ? cache : null;
        },
        onResponseData(_controller, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          const text =
            chunks.length === 1
              ? chunks[0]!.toString('utf8')
              : Buffer.concat(chunks).toString('utf8');
          settle(() => resolve({ status, contentType, cacheControl, body: text }));
        },
        onResponseError(_controller, error) {
          settle(() => reject(error));
        },
      },
    );
  });
}
