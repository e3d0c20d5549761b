import { describeLoaderBatching } from '@resident-graph/testing';
import { uspsSubgraph } from './subgraph.js';

await describeLoaderBatching(uspsSubgraph);
