import { runSubgraph } from '@resident-graph/federation';
import { vaSubgraph } from './subgraph.js';

await runSubgraph(vaSubgraph, process.env);
