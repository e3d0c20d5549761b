import { ResidentGraphError } from '@resident-graph/errors';

export type DeclarationInputCode =
  | 'INVALID_ADDRESS'
  | 'DATE_OUT_OF_RANGE'
  | 'AGENCY_NOT_NOTIFIABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'BAD_USER_INPUT';

/** A resident action refused before anything was recorded; the message says what to fix. */
export class DeclarationInputError extends ResidentGraphError<DeclarationInputCode> {
  constructor(
    code: DeclarationInputCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(code, message, extensions);
  }
}
