import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** 2xx answers that `isFailedAnswer` refused (GraphQL errors); 0 when none was given. */
  failedAnswers: number;
}

/** One request of the load: its body and the headers only it carries (its resident's token). */
export interface LoadRequest {
  body: string;
  headers?: Record<string, string>;
}

/**
 * Sends requests to `url` from `connections` connections for `seconds`: `body` every time, or the
 * next of `nextRequest()` each time. Every request also gets a header unique to it (as per-user
 * tokens are), so a gateway cannot merge identical concurrent requests.
 */
export async function runLoad(options: {
  url: string;
  body?: string;
  headers?: Record<string, string>;
  /** Called for every request, in order; replaces `body`. */
  nextRequest?: () => LoadRequest;
  /** Reads every 2xx answer's body and counts those it returns true for. Default: bodies unread. */
  isFailedAnswer?: (body: string) => boolean;
  connections: number;
  seconds: number;
  /** Requests per second across all connections, whatever the answers' pace; default: as fast as answered. */
  rate?: number | undefined;
}): Promise<LoadResult> {
  const { nextRequest, isFailedAnswer } = options;
  if (!nextRequest && options.body === undefined)
    throw new Error('runLoad needs body or nextRequest');
  let counter = 0;
  let failedAnswers = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        body: options.body ?? '',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => {
          const next = nextRequest?.();
          return {
            ...request,
            ...(next ? { body: next.body } : {}),
            headers: { ...request.headers, ...next?.headers, 'x-request-unique': `r${++counter}` },
          };
        },
        ...(isFailedAnswer
          ? {
              onResponse: (status: number, body: string) => {
                if (status >= 200 && status < 300 && isFailedAnswer(body)) failedAnswers++;
              },
            }
          : {}),
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
    failedAnswers,
  };
}
