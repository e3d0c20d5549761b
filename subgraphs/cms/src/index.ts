export { cmsSubgraph } from './subgraph.js';
