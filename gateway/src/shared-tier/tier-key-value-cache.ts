import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { SharedTier } from './shared-tier.js';

/**
 * The shared tier as an Apollo `KeyValueCache` (what Apollo Server's persisted queries and the
 * response cache plugin store through). `keyOf` turns Apollo's key into a tier key (with the
 * service and supergraph version); a set without a TTL keeps the value `defaultTtlSeconds`.
 */
export function tierKeyValueCache(
  tier: SharedTier,
  keyOf: (key: string) => string,
  defaultTtlSeconds: number,
  onLookup?: (result: 'hit' | 'miss') => void,
): KeyValueCache<string> {
  return {
    async get(key) {
      const value = await tier.get(keyOf(key));
      onLookup?.(value === undefined ? 'miss' : 'hit');
      return value;
    },
    async set(key, value, options) {
      await tier.set(keyOf(key), value, (options?.ttl ?? defaultTtlSeconds) * 1000);
    },
    async delete(key) {
      await tier.delete(keyOf(key));
    },
  };
}
