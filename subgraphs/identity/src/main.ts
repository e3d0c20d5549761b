import { runSubgraph } from '@resident-graph/federation';
import { identitySubgraph } from './subgraph.js';

await runSubgraph(identitySubgraph, process.env);
