import { BadUserInputError } from '@resident-graph/errors';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The `idempotencyKey` argument of every resident action: `@Arg('idempotencyKey', () => String, idempotencyKeyArg)`. */
export const idempotencyKeyArg = {
  description: 'A key you choose per action (e.g. a UUID), 8 to 128 letters, digits, - _ . :',
};

/** Refuses a malformed idempotency key with BAD_USER_INPUT naming the field; returns it otherwise. */
export function checkedIdempotencyKey(key: string): string {
  if (!IDEMPOTENCY_KEY.test(key))
    throw new BadUserInputError(
      'idempotencyKey must be 8 to 128 letters, digits, dashes, underscores, dots or colons (a UUID works).',
      { field: 'idempotencyKey' },
    );
  return key;
}
