import { runSubgraph } from '@resident-graph/federation';
import { stateSubgraph } from './subgraph.js';

await runSubgraph(stateSubgraph, process.env);
