export { uspsSubgraph } from './subgraph.js';
export type { UspsDatabase } from './store/database.js';
