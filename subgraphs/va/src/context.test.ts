import { describeLoaderBatching } from '@resident-graph/testing';
import { vaSubgraph } from './subgraph.js';

await describeLoaderBatching(vaSubgraph);
