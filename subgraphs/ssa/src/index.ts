export { ssaSubgraph } from './subgraph.js';
