import { REQUEST_ID_HEADER, saneRequestId } from '@resident-graph/caller';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_RESPONSE_HEADER = REQUEST_ID_HEADER;

/** The incoming `x-request-id` when it is a sane token, else a fresh UUID: anything else is replaced, not trusted. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return saneRequestId(header) ?? randomUUID();
}
