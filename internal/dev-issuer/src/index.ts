export {
  DEV_AUDIENCE,
  DEV_CLIENT_ID,
  DEV_ISSUER,
  devIssuerJwksFile,
  devIssuerKeyFile,
  issueAccessToken,
  loadOrCreateDevIssuerKey,
  type AccessTokenOptions,
} from './dev-issuer.js';
