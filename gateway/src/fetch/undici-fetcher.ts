import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { Agent, request } from 'undici';

/**
 * The subgraph fetcher: undici's `request()` on one keep-alive connection pool per process, instead
 * of `@apollo/gateway`'s default node-fetch stack (about a quarter of the plain gateway's CPU in the
 * public workload's profile). The body is read whole and handed on as a standard `Response`, so the
 * data source and the resilience layer above see exactly what they saw before.
 */
export function createUndiciFetcher(): Fetcher {
  const agent = new Agent({
    // Subgraphs sit on a private network and answer quickly: keep connections for reuse.
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
  });
  return async (url: string, init: FetcherRequestInit = {}) => {
    const { statusCode, headers, body } = await request(url, {
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      headers: init.headers ?? {},
      body: init.body as string | undefined,
      signal: init.signal as AbortSignal | undefined,
      dispatcher: agent,
    });
    const text = await body.text();
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(headers)) {
      if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
      else if (value !== undefined) responseHeaders.set(name, value);
    }
    return new Response(statusCode === 204 || statusCode === 304 ? null : text, {
      status: statusCode,
      headers: responseHeaders,
    });
  };
}
