import type { Fetcher } from '@apollo/utils.fetcher';
import { z } from 'zod';

/** A cache hint as Apollo's cache control knows it: how long, and for whom. */
const cacheHintSchema = z.strictObject({
  /** Seconds the answer may be reused. */
  maxAge: z.number().int().min(0),
  /** PUBLIC: the same for every caller. PRIVATE (default): only for the caller who asked. */
  scope: z.enum(['PUBLIC', 'PRIVATE']).default('PRIVATE'),
});
export const cacheHintsSchema = z.record(z.string().min(1), cacheHintSchema);

export type CacheHint = z.infer<typeof cacheHintSchema>;
/** By subgraph name, or `"*"` for every subgraph not named. */
export type SubgraphCacheHints = Readonly<Record<string, CacheHint>>;

export function cacheHintFor(hints: SubgraphCacheHints, subgraph: string): CacheHint | undefined {
  return hints[subgraph] ?? hints['*'];
}

/**
 * Wraps a subgraph fetcher so an answer without a Cache-Control header reads as if it had sent
 * `hint`. @apollo/gateway turns each subgraph's Cache-Control into the response's cache policy
 * (the shortest max-age, PRIVATE if any says so) and treats a missing header as "do not cache";
 * an operator who knows an agency's data can say what that agency would have said.
 */
export function withDefaultCacheHint(base: Fetcher, hint: CacheHint): Fetcher {
  const header = `max-age=${hint.maxAge}, ${hint.scope === 'PUBLIC' ? 'public' : 'private'}`;
  return async (url, init) => {
    const response = await base(url, init);
    if (response.headers.get('cache-control') !== null) return response;
    // Fetch responses' headers are immutable: a new response with the same body and status.
    const headers = new Headers([...response.headers]);
    headers.set('cache-control', header);
    return new Response(await response.text(), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

/**
 * Restricts a request's cache policy by a subgraph's Cache-Control header exactly as
 * @apollo/gateway does for the fetches it sends itself (no header or no max-age: not cacheable).
 */
export function restrictCachePolicy(
  policy: { restrict?(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void } | undefined,
  header: string | null | undefined,
): void {
  if (!policy?.restrict) return;
  const directives = new Map(
    (header ?? '').split(',').map((part) => {
      const [name = '', value] = part.trim().toLowerCase().split('=');
      return [name, value] as const;
    }),
  );
  const maxAge = directives.get('max-age');
  policy.restrict({
    maxAge: maxAge !== undefined && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
    ...(directives.has('private') ? { scope: 'PRIVATE' as const } : {}),
    ...(directives.has('public') ? { scope: 'PUBLIC' as const } : {}),
  });
}
