export { buildFederatedSchema, type ReferenceResolvers } from './build-subgraph-schema.js';
export { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from './subgraph-server.js';
export { assertMayReadResident, requireResident } from './authorize.js';
export { Agency } from './types/agency.js';
export { AgencyTask } from './types/agency-task.js';
export { Status, status } from './types/status.js';
export { LocalDate, DateTime } from './types/scalars.js';
