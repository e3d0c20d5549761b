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
  personaSignIn,
  readExampleOperations,
  IDE_CONTENT_SECURITY_POLICY,
  DEV_SIGN_IN_PATH,
  type PlaygroundOptions,
} from './playground/index.js';
