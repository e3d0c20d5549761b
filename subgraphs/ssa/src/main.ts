import { runSubgraph } from '@resident-graph/federation';
import { ssaSubgraph } from './subgraph.js';

await runSubgraph(ssaSubgraph, process.env);
