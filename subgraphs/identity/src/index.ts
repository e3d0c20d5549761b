export { identitySubgraph } from './subgraph.js';
export { verifyDisclosureLog } from './disclosure/verify-log.js';
export { identityMigrations } from './store/migrations.js';
export type { IdentityDatabase } from './store/database.js';
export { appendDisclosures, type Release } from './disclosure/disclosure-log.js';
