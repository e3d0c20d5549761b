import { randomUUID } from 'node:crypto';

export const REQUEST_ID_RESPONSE_HEADER = 'x-request-id';

/**
 * A request id a client or proxy may choose: short, printable, no spaces or separators that could
 * forge log fields or headers. Anything else is replaced, not trusted.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The incoming `x-request-id` when it is a sane token, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
