export { irsSubgraph } from './subgraph.js';
