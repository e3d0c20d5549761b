import { describeLoaderBatching } from '@resident-graph/testing';
import { irsSubgraph } from './subgraph.js';

await describeLoaderBatching(irsSubgraph);
