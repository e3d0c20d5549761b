import { describeLoaderBatching } from '@resident-graph/testing';
import { cmsSubgraph } from './subgraph.js';

await describeLoaderBatching(cmsSubgraph);
