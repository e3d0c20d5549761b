/**
 * Every error code a client of Resident Graph can see in `extensions.code`. Codes are a public
 * contract: add new ones, never rename or reuse one. `docs/errors.md` is generated from this list.
 */
export const errorCodes = {
  UNAUTHENTICATED: {
    http: 200,
    meaning:
      'The field needs a signed-in resident and no valid access token came with the request (the message says why, e.g. expired). Public fields in the same response still answer. A subgraph called directly, without the gateway, refuses the whole request with HTTP 401 and this code.',
    clientAction: 'Sign in again and send `Authorization: Bearer <token>`.',
  },
  FORBIDDEN: {
    http: 200,
    meaning: 'The caller is signed in but may not read this data (for example another resident).',
    clientAction: 'Do not retry; ask only for the signed-in resident’s own data.',
  },
  BAD_USER_INPUT: {
    http: 400,
    meaning: 'An argument is malformed or out of range.',
    clientAction: 'Fix the argument named in the message.',
  },
  BAD_REQUEST: {
    http: 400,
    meaning:
      'The HTTP request is not a GraphQL request (no query, wrong content type, unreadable body).',
    clientAction:
      'POST JSON `{ "query": "…", "variables": { … } }` with `content-type: application/json`.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    http: 400,
    meaning: 'The operation does not match the schema.',
    clientAction: 'Check field and argument names against the schema.',
  },
  GRAPHQL_PARSE_FAILED: {
    http: 400,
    meaning: 'The operation is not valid GraphQL syntax.',
    clientAction: 'Fix the syntax error at the reported location.',
  },
  SUBGRAPH_UNAVAILABLE: {
    http: 200,
    meaning:
      'One agency’s service could not be reached (connection refused or reset, or it answered 502, 503 or 504), even after the gateway retried. The error sits at the fields that agency would have filled and names it in `extensions.agency`; the rest of the response is still valid.',
    clientAction: 'Show the partial data and say which agency is unavailable; retry later.',
  },
  SUBGRAPH_TIMEOUT: {
    http: 200,
    meaning:
      'One agency’s service did not finish answering within its time limit (it was slow, or stopped sending half way). The error sits at the fields that agency would have filled and names it in `extensions.agency`; the rest of the response is still valid.',
    clientAction: 'Show the partial data and say which agency is slow; retry later.',
  },
  SUBGRAPH_BAD_RESPONSE: {
    http: 200,
    meaning:
      'One agency’s service answered, but not with a usable GraphQL result (an HTTP error such as 500, malformed JSON, or a body of the wrong shape). The error sits at the fields that agency would have filled and names it in `extensions.agency`; the rest of the response is still valid.',
    clientAction: 'Show the partial data and say which agency had a problem; retry later.',
  },
  SUBGRAPH_CIRCUIT_OPEN: {
    http: 200,
    meaning:
      'The gateway is not calling one agency’s service for a few seconds because its recent requests kept failing (its circuit breaker is open); it answers at once instead of waiting. The error sits at the fields that agency would have filled and names it in `extensions.agency`; the rest of the response is still valid.',
    clientAction:
      'Show the partial data and say which agency is unavailable; retry after a few seconds.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    http: 200,
    meaning: 'An automatic persisted query hash was sent that the server does not know yet.',
    clientAction:
      'Send the request again with the full query and the same hash (APQ clients do this).',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    http: 200,
    meaning: 'Persisted queries are not enabled where the request was sent.',
    clientAction: 'Send the full query.',
  },
  OPERATION_RESOLUTION_FAILURE: {
    http: 400,
    meaning: 'The document has several operations and `operationName` does not pick exactly one.',
    clientAction: 'Send `operationName` naming one operation of the document.',
  },
  INTERNAL_SERVER_ERROR: {
    http: 200,
    meaning:
      'Something unexpected failed in one field (HTTP 200, the rest of the answer stands) or before GraphQL ran (HTTP 500). Details are logged with the request id, which is in `extensions.requestId`; they are never sent.',
    clientAction: 'Retry later; quote the request id to support.',
  },
} as const satisfies Record<string, { http: number; meaning: string; clientAction: string }>;

export type ErrorCode = keyof typeof errorCodes;
