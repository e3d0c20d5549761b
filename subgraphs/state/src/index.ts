export { stateSubgraph } from './subgraph.js';
