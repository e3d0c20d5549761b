import { GraphQLError } from 'graphql';
import type { ErrorCode } from './registry.js';

/** Base for every error thrown on purpose: it reaches the client with its code and message. */
export abstract class ResidentGraphError<C extends ErrorCode = ErrorCode> extends GraphQLError {
  // `declare` keeps the field as GraphQLError set it; `override ... !:` would reset it under ES2022.
  declare readonly extensions: { code: C; [key: string]: unknown };

  protected constructor(code: C, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class UnauthenticatedError extends ResidentGraphError<'UNAUTHENTICATED'> {
  constructor(
    message = 'Sign in to see this information.',
    extensions: Record<string, unknown> = {},
  ) {
    // A field error, not an HTTP one: the rest of the response (public fields) is still valid, so
    // the status stays 200. Only a request refused as a whole (no caller token) answers 401.
    super('UNAUTHENTICATED', message, extensions);
  }
}

export class ForbiddenError extends ResidentGraphError<'FORBIDDEN'> {
  constructor(
    message = 'You may only see your own information.',
    extensions: Record<string, unknown> = {},
  ) {
    super('FORBIDDEN', message, extensions);
  }
}

/** An argument is malformed or out of range; the message names it. */
export class BadUserInputError extends ResidentGraphError<'BAD_USER_INPUT'> {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, extensions);
  }
}

/** The resident must preview what a consent releases before approving it. */
export class ConsentPreviewRequiredError extends ResidentGraphError<'CONSENT_PREVIEW_REQUIRED'> {
  constructor(message: string) {
    super('CONSENT_PREVIEW_REQUIRED', message);
  }
}

/** A resident action an agency's rules refuse; the message says why in plain words. */
export type ActionRefusalCode =
  | 'NOT_ELIGIBLE_ONLINE'
  | 'START_MONTH_NOT_ALLOWED'
  | 'OUTSIDE_ENROLLMENT_WINDOW'
  | 'ALREADY_APPLIED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'BAD_USER_INPUT';

export class ActionRefusedError extends ResidentGraphError<ActionRefusalCode> {
  constructor(code: ActionRefusalCode, message: string, extensions: Record<string, unknown> = {}) {
    super(code, message, extensions);
  }
}
