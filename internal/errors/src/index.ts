export { errorCodes, type ErrorCode } from './registry.js';
export {
  ActionRefusedError,
  BadUserInputError,
  ConsentPreviewRequiredError,
  ForbiddenError,
  ResidentGraphError,
  UnauthenticatedError,
} from './errors.js';
export { createErrorMasker, isPublicErrorCode, MASKED_ERROR_MESSAGE } from './mask.js';
export {
  createHttpErrorHandler,
  httpErrorAnswer,
  notFoundHandler,
  type HttpErrorAnswer,
} from './http-error-handler.js';
export {
  createUnexpectedErrors,
  type ErrorLogger,
  type RequestOfError,
  type UnexpectedErrors,
} from './unexpected-errors.js';
