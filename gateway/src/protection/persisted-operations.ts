import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { ResidentGraphError } from '@resident-graph/errors';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Apollo's persisted query manifest format (what `generate-persisted-query-manifest` writes). */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({ id: z.string(), name: z.string(), type: z.string(), body: z.string() }),
  ),
});

export class OperationNotPersistedError extends ResidentGraphError<'OPERATION_NOT_PERSISTED'> {
  constructor() {
    super(
      'OPERATION_NOT_PERSISTED',
      'This service accepts only its registered operations; send one of them (or its hash).',
      { http: { status: 400 } },
    );
  }
}

export interface PersistedOperations {
  /** Apollo Server's APQ cache, holding the registered operations so a hash alone is enough. */
  readonly cache: KeyValueCache<string>;
  /** Refuses any operation whose text is not registered. */
  readonly plugin: ApolloServerPlugin;
}

/**
 * Only the operations in a manifest may run: a client sends the operation's SHA-256 (automatic
 * persisted query style) or its exact text; anything else is refused before it is planned. Each
 * manifest id is checked against its body, so a manifest cannot smuggle in another operation.
 */
export function loadPersistedOperations(manifestFile: string): PersistedOperations {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  const allowed = new Set<string>();
  const cache = new InMemoryLRUCache<string>();
  for (const operation of manifest.operations) {
    const hash = createHash('sha256').update(operation.body).digest('hex');
    if (hash !== operation.id) {
      throw new Error(
        `${manifestFile}: operation ${operation.name} has id ${operation.id}, but its body hashes to ${hash}`,
      );
    }
    allowed.add(hash);
    // Apollo Server's APQ keys: `apq:<sha256>`; no TTL, the manifest is the list.
    void cache.set(`apq:${hash}`, operation.body);
  }
  return {
    cache,
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ queryHash }) {
            if (!allowed.has(queryHash)) throw new OperationNotPersistedError();
          },
        };
      },
    },
  };
}
