import { describeLoaderBatching } from '@resident-graph/testing';
import { ssaSubgraph } from './subgraph.js';

await describeLoaderBatching(ssaSubgraph);
