export { createGateway, CALLER_JWKS_PATH, type Gateway, type GatewayDeps } from './gateway.js';
export {
  createAccessTokenVerifier,
  ACCESS_TOKEN_ALGORITHMS,
  type AccessTokenVerifier,
  type AccessTokenVerifierOptions,
} from './auth/access-token.js';
export { CallerTokenDataSource, SubgraphUnavailableError } from './data-source.js';
export { loadGatewayConfig, type GatewayConfig } from './config.js';
export type { GatewayContext } from './context.js';
export {
  servableSupergraph,
  type ServableSupergraph,
} from './authorization/servable-supergraph.js';
export { DEFAULT_LIMITS, type OperationLimits } from './protection/limits.js';
export {
  loadPersistedOperations,
  type PersistedOperations,
} from './protection/persisted-operations.js';
export {
  personaSignIn,
  readExampleOperations,
  IDE_CONTENT_SECURITY_POLICY,
  DEV_SIGN_IN_PATH,
  type PlaygroundOptions,
} from './playground/index.js';
export {
  tierKeys,
  type SharedTier,
  type SharedTierStatus,
  type TierKeys,
  type WindowVerdict,
} from './shared-tier/shared-tier.js';
export { createInProcessTier } from './shared-tier/in-process-tier.js';
export { createRedisTier, type RedisTarget } from './shared-tier/redis-tier.js';
