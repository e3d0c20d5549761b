import { createCallerVerifier } from '@resident-graph/caller';
import { sql } from '@resident-graph/store';
import type { JSONWebKeySet } from 'jose';
import type { SubgraphDeps, SubgraphDefinition } from './agency-subgraph.js';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server.js';

/** Builds the HTTP server for an agency subgraph; the caller listens. */
export async function createAgencySubgraphServer<DB, Context extends object>(
  definition: SubgraphDefinition<DB, Context>,
  deps: SubgraphDeps<DB> & { gatewayJwks: JSONWebKeySet; shutdownGraceMs?: number },
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
      return { database: 'up', redis: 'not configured' };
    },
    ...(deps.shutdownGraceMs !== undefined ? { shutdownGraceMs: deps.shutdownGraceMs } : {}),
  });
}
