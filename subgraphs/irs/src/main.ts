import { runSubgraph } from '@resident-graph/federation';
import { irsSubgraph } from './subgraph.js';

await runSubgraph(irsSubgraph, process.env);
