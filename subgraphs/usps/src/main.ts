import { runSubgraph } from '@resident-graph/federation';
import { uspsSubgraph } from './subgraph.js';

await runSubgraph(uspsSubgraph, process.env);
