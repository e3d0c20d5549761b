/**
 * The header that carries a request's id: from a client or proxy to the gateway (which answers
 * with it), and from the gateway to every subgraph it asks for that request, so their log lines and
 * disclosure records line up with the gateway's.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A request id anyone may choose: short, printable, no spaces or separators that could forge log
 * fields or headers.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The header's value when it is a sane request id (the first, when sent twice), else null. */
export function saneRequestId(header: string | readonly string[] | undefined): string | null {
  const value = typeof header === 'string' ? header : header?.[0];
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : null;
}
