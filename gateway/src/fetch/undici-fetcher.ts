import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { request } from 'undici';
import { subgraphAgent } from './subgraph-http.js';

/**
 * The fetcher of the gateway's own subgraph requests (health checks, through RemoteGraphQLDataSource):
 * undici's `request()` on the subgraph connection pool, handed on as a standard `Response`. Client
 * fetches skip this and RemoteGraphQLDataSource altogether (see postToSubgraph).
 */
export function createUndiciFetcher(): Fetcher {
  const agent = subgraphAgent();
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
