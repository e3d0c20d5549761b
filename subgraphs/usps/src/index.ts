export { uspsSubgraph } from './subgraph.js';
