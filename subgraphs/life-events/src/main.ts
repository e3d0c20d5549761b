import { runSubgraph } from '@resident-graph/federation';
import { lifeEventsSubgraph } from './subgraph.js';

await runSubgraph(lifeEventsSubgraph, process.env);
