import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * Sends `body` to `url` from `connections` connections for `seconds`, with a header that is unique
 * on every request (as per-user tokens are), so a gateway cannot merge identical concurrent requests.
 */
export async function runLoad(options: {
  url: string;
  body: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  let counter = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        body: options.body,
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'x-request-unique': `r${++counter}` },
        }),
      },
    ],
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
