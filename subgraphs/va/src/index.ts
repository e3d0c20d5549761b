export { vaSubgraph } from './subgraph.js';
