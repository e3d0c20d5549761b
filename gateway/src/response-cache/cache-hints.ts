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
 * Restricts a request's cache policy by a subgraph's Cache-Control header exactly as
 * @apollo/gateway does for the fetches it sends itself (no header or no max-age: not cacheable).
 */
export function restrictCachePolicy(
  policy: { restrict?(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void } | undefined,
  header: string | null | undefined,
): void {
  if (!policy?.restrict) return;
  // No Cache-Control (most answers): not cacheable, without parsing anything, on every fetch.
  if (!header) {
    policy.restrict({ maxAge: 0 });
    return;
  }
  const directives = new Map(
    header.split(',').map((part) => {
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
