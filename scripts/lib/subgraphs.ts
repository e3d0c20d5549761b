import type { SubgraphDefinition } from '@resident-graph/federation';
import { cmsSubgraph } from '@resident-graph/subgraph-cms';
import { identitySubgraph } from '@resident-graph/subgraph-identity';
import { irsSubgraph } from '@resident-graph/subgraph-irs';
import { lifeEventsSubgraph } from '@resident-graph/subgraph-life-events';
import { ssaSubgraph } from '@resident-graph/subgraph-ssa';
import { stateSubgraph } from '@resident-graph/subgraph-state';
import { uspsSubgraph } from '@resident-graph/subgraph-usps';
import { vaSubgraph } from '@resident-graph/subgraph-va';

/**
 * Every subgraph of the graph, in start-up order. The only list of them: compose, seed, start and
 * the test harness all iterate it, so adding an agency is one line here plus its workspace.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own store type
export const subgraphs: readonly SubgraphDefinition<any, object>[] = [
  identitySubgraph,
  lifeEventsSubgraph,
  ssaSubgraph,
  cmsSubgraph,
  stateSubgraph,
  irsSubgraph,
  uspsSubgraph,
  vaSubgraph,
];
