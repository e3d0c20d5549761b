import { runSubgraph } from '@resident-graph/federation';
import { cmsSubgraph } from './subgraph.js';

await runSubgraph(cmsSubgraph, process.env);
