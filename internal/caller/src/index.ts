export {
  assuranceLevels,
  anonymousCaller,
  callerIdentityKey,
  type AssuranceLevel,
  type Caller,
} from './caller.js';
export {
  CALLER_HEADER,
  CALLER_ISSUER,
  CALLER_TOKEN_TTL_SECONDS,
  CallerTokenError,
  createCallerVerifier,
  signCallerToken,
} from './caller-token.js';
export {
  generateSigningKey,
  loadOrCreateSigningKeyFile,
  publicJwksPath,
  signingKeyFromJwk,
  SIGNING_ALG,
  type SigningKey,
} from './keys.js';
export { REQUEST_ID_HEADER, saneRequestId } from './request-id.js';
