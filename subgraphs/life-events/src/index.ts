export { lifeEventsSubgraph } from './subgraph.js';
export { recordMoveDeclaration } from './declaration/declaration.store.js';
export type { LifeEventsDatabase } from './store/database.js';
