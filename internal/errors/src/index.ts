export { errorCodes, type ErrorCode } from './registry.js';
export {
  BadUserInputError,
  ConsentPreviewRequiredError,
  ForbiddenError,
  ResidentGraphError,
  UnauthenticatedError,
} from './errors.js';
export { createErrorMasker } from './mask.js';
export { createHttpErrorHandler, notFoundHandler } from './http-error-handler.js';
