export { lifeEventsSubgraph } from './subgraph.js';
