import { describeLoaderBatching } from '@resident-graph/testing';
import { identitySubgraph } from './subgraph.js';

await describeLoaderBatching(identitySubgraph);
