export { Protect, protectionDirectives, protectTypes, type Protection } from './access.js';
export {
  buildFederatedSchema,
  type FederatedSchemaOptions,
  type ReferenceResolvers,
} from './build-subgraph-schema.js';
export { enforceAccessRules } from './enforce-access.js';
export {
  createSubgraphServer,
  type SubgraphServer,
  type SubgraphServerOptions,
} from './subgraph-server.js';
export { createAgencySubgraphServer } from './start-subgraph.js';
export { runSubgraph } from './run-subgraph.js';
export { loadSubgraphConfig, type SubgraphConfig } from './subgraph-config.js';
export {
  once,
  type NotificationHandler,
  type SubgraphDefinition,
  type SubgraphDeps,
} from './agency-subgraph.js';
export { startDelivery, type DeliveryConfig } from './start-delivery.js';
export { assertMayReadResident, requireResident } from './authorize.js';
export { required } from './requires.js';
export { Agency } from './types/agency.js';
export { AgencyTask } from './types/agency-task.js';
export { Status, status, taskStatus, type StatusCodes, type TaskStatus } from './types/status.js';
export { LocalDate, DateTime } from './types/scalars.js';
export { checkedIdempotencyKey, idempotencyKeyArg } from './idempotency-key.js';
