import { describeLoaderBatching } from '@resident-graph/testing';
import { stateSubgraph } from './subgraph.js';

await describeLoaderBatching(stateSubgraph);
