import { createCallerVerifier } from '@resident-graph/caller';
import { sql } from '@resident-graph/store';
import type { RunningWorker } from '@resident-graph/notifications';
import type { JSONWebKeySet } from 'jose';
import type { SubgraphDeps, SubgraphDefinition } from './agency-subgraph.js';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server.js';

/** Builds the HTTP server for an agency subgraph; the caller listens. */
export async function createAgencySubgraphServer<DB, Context extends object>(
  definition: SubgraphDefinition<DB, Context>,
  deps: SubgraphDeps<DB> & {
    gatewayJwks: JSONWebKeySet;
    shutdownGraceMs?: number;
    /** Tell-us-once delivery, when this process runs it: its Redis state shows in readiness. */
    delivery?: RunningWorker | null;
  },
): Promise<SubgraphServer> {
  const schema = await definition.buildSchema();
  return createSubgraphServer({
    name: definition.name,
    schema,
    logger: deps.logger,
    verifyCaller: createCallerVerifier(deps.gatewayJwks, definition.name),
    createContext: (caller) => definition.createContext(deps, caller),
    // Not ready until the agency's database answers a query.
    checkDependencies: async () => {
      await sql`select 1`.execute(deps.store.db);
      // Redis is reported, never required: without it declarations wait in the outbox (ADR 0014).
      const redis = deps.delivery ? (deps.delivery.redisUp() ? 'up' : 'down') : 'not configured';
      return { database: 'up', redis };
    },
    ...(deps.shutdownGraceMs !== undefined ? { shutdownGraceMs: deps.shutdownGraceMs } : {}),
  });
}
