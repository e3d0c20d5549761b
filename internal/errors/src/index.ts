export { errorCodes, type ErrorCode } from './registry.js';
export {
  ActionRefusedError,
  ResidentGraphError,
  UnauthenticatedError,
  ForbiddenError,
} from './errors.js';
export { createErrorMasker } from './mask.js';
export { createHttpErrorHandler, notFoundHandler } from './http-error-handler.js';
