import { anonymousCaller, type Caller } from '@resident-graph/caller';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isScope, scopes as knownScopes } from './vocabulary.js';

const clientSchema = z.strictObject({
  /** The OAuth client id, as tokens name it in `client_id` (or `azp`). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes'),
  /** Shown to residents and in logs. */
  name: z.string().min(1),
  /**
   * `first-party`: the resident's own government app. `third-party`: an integrator acting for the
   * resident (a tax-preparation app, a benefits navigator), who reads only under the resident's
   * consent. `staff`: an agency's caseworker console; its token's subject is the caseworker, who
   * reads a named resident's records of one agency for a stated purpose and case (docs/privacy.md).
   */
  kind: z.enum(['first-party', 'third-party', 'staff']),
  /** The most the client may ever hold; a token's scopes are cut down to these. */
  scopes: z
    .array(
      z
        .string()
        .refine(isScope, { message: `a known scope (${Object.keys(knownScopes).join(', ')})` }),
    )
    .min(1),
});
const registrySchema = z.strictObject({ clients: z.array(clientSchema) }).superRefine((r, ctx) => {
  const seen = new Set<string>();
  for (const [index, client] of r.clients.entries()) {
    if (seen.has(client.id))
      ctx.addIssue({
        code: 'custom',
        path: ['clients', index, 'id'],
        message: `duplicate client ${client.id}`,
      });
    seen.add(client.id);
  }
});

export type RegisteredClient = z.infer<typeof clientSchema>;

/** The client applications allowed to call the graph, and the most each may be given. */
export interface ClientRegistry {
  readonly clients: readonly RegisteredClient[];
  find(clientId: string | null): RegisteredClient | undefined;
  /**
   * The caller as the graph will treat it: scopes cut down to its client's ceiling, and a token from
   * an unregistered client (or none named) treated as anonymous, so it reaches public fields only.
   */
  restrict(caller: Caller): Caller;
}

export class ClientRegistryError extends Error {
  override name = 'ClientRegistryError';
}

export function createClientRegistry(input: unknown, source = 'client registry'): ClientRegistry {
  const parsed = registrySchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new ClientRegistryError(`${source} is not valid:\n${problems.join('\n')}`);
  }
  const byId = new Map(parsed.data.clients.map((c) => [c.id, c]));
  return {
    clients: parsed.data.clients,
    find: (clientId) => (clientId === null ? undefined : byId.get(clientId)),
    restrict(caller) {
      if (caller.residentId === null) return caller;
      const client = caller.clientId === null ? undefined : byId.get(caller.clientId);
      if (!client) {
        return anonymousCaller(
          caller.requestId,
          caller.clientId === null
            ? 'the access token names no client application'
            : `the application "${caller.clientId}" is not registered with Resident Graph`,
        );
      }
      const ceiling = new Set<string>(client.scopes);
      return { ...caller, scopes: caller.scopes.filter((scope) => ceiling.has(scope)) };
    },
  };
}

/** Reads and validates a registry file (JSON); every problem is listed at once. */
export function loadClientRegistry(path: string): ClientRegistry {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ClientRegistryError(
      `cannot read the client registry ${path}: ${(error as Error).message}`,
    );
  }
  return createClientRegistry(json, path);
}
