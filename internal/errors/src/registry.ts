/**
 * Every error code a client of Resident Graph can see in `extensions.code`. Codes are a public
 * contract: add new ones, never rename or reuse one. `docs/errors.md` is generated from this list.
 */
export const errorCodes = {
  UNAUTHENTICATED: {
    http: 200,
    meaning:
      'The field needs a signed-in resident and no valid access token came with the request (the message says why, e.g. expired), or the token was issued to an application that is not registered. The field is null, `extensions.reason` is `authentication`, and nothing was fetched for it; public fields in the same response still answer. A subgraph called directly, without the gateway, refuses the whole request with HTTP 401 and this code.',
    clientAction: 'Sign in again and send `Authorization: Bearer <token>`.',
  },
  FORBIDDEN: {
    http: 200,
    meaning:
      'The caller is signed in but may not read this field: another resident’s data, or `extensions.reason` names what is missing: `scope:<scope>` (the application was not given that scope) or `policy:<policy>` (e.g. `policy:assurance:verified`, the resident’s identity is not verified strongly enough). The field is null and nothing was fetched for it; see docs/authorization.md.',
    clientAction:
      'Do not retry as is: ask only for the signed-in resident’s own data, request the scope, or send the resident to verify their identity.',
  },
  CONSENT_REQUIRED: {
    http: 200,
    meaning:
      'A third-party application asked for a resident’s records without an active consent from that resident that covers them: `extensions.reason` says why (`consent:none` no grant, `consent:paused`, `consent:expired`, `consent:revoked`, `consent:operation` the grant is for another operation, `consent:preview` the grant needs the resident to preview and approve this release first). The field is null and nothing was fetched for it; see docs/privacy.md.',
    clientAction:
      'Ask the resident for consent (`requestConsent`), send the operation the grant is for, or wait for the resident to approve the release.',
  },
  CONSENT_FETCH_LIMIT: {
    http: 200,
    meaning:
      'The application has used every fetch the resident’s consent allows in the current period (`extensions.period`). The field is null and nothing was fetched for it.',
    clientAction:
      'Fetch again in the next period, or ask the resident for a grant that allows more.',
  },
  CONSENT_PREVIEW_REQUIRED: {
    http: 200,
    meaning:
      'The resident tried to approve a consent request (or a release) without first previewing the data it releases.',
    clientAction:
      'Show the resident the preview (send the request’s operation with `extensions.consentPreview`), then approve.',
  },
  DISCLOSURE_NOT_RECORDED: {
    http: 503,
    meaning:
      'The data asked for would be a disclosure to someone other than the resident (a third-party application or staff), and the record of that disclosure could not be written, so nothing was released (fail-closed). The resident’s own reads are unaffected.',
    clientAction: 'Retry later; nothing was released.',
  },
  STAFF_CASE_REQUIRED: {
    http: 200,
    meaning:
      'A staff token reads a resident’s records only through `residentCase(residentId, purpose, caseReference)`, with a stated purpose and case reference, for the one agency its staff scope names.',
    clientAction: 'Query through `residentCase` with the purpose and case reference.',
  },
  BAD_USER_INPUT: {
    http: 400,
    meaning: 'An argument is malformed or out of range.',
    clientAction: 'Fix the argument named in the message.',
  },
  BAD_REQUEST: {
    http: 400,
    meaning:
      'The HTTP request is not a GraphQL request: no query, wrong content type, unreadable or malformed JSON, a batch (an array of operations, not accepted), or a GET without the CSRF-prevention header.',
    clientAction:
      'POST JSON `{ "query": "…", "variables": { … } }` with `content-type: application/json`.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    http: 400,
    meaning:
      'The operation does not match the schema, or exceeds a limit on its shape: depth, aliases, directives or root fields (the message names the limit and the value found). In production, messages do not suggest field names.',
    clientAction:
      'Check field and argument names against the schema; split an operation over a limit.',
  },
  GRAPHQL_PARSE_FAILED: {
    http: 400,
    meaning:
      'The operation is not valid GraphQL syntax, or has more tokens than the limit (the message says so).',
    clientAction: 'Fix the syntax error at the reported location.',
  },
  OPERATION_TOO_COMPLEX: {
    http: 400,
    meaning:
      'The operation’s estimated cost (1 per field; lists counted by their `first`/`limit` or an assumed size) is over the limit; `extensions.cost` and `extensions.maxCost` give both. Nothing was fetched.',
    clientAction: 'Ask for fewer fields or smaller lists, or split the operation.',
  },
  OPERATION_NOT_PERSISTED: {
    http: 400,
    meaning:
      'The gateway runs only registered operations (persisted operations mode), and this one is not registered.',
    clientAction: 'Send a registered operation or its SHA-256 hash.',
  },
  REQUEST_TOO_LARGE: {
    http: 413,
    meaning: 'The request body is larger than the gateway accepts.',
    clientAction: 'Send a smaller request; large inputs do not belong in one GraphQL request.',
  },
  RATE_LIMITED: {
    http: 429,
    meaning:
      'The client application, or the signed-in resident, sent more requests than the gateway allows in its sliding window (`extensions.limit` says which: `client` or `resident`). Nothing was run. The `Retry-After` header and `extensions.retryAfterSeconds` say when one more request fits.',
    clientAction:
      'Wait the `Retry-After` seconds before sending again; spread requests out, and reuse answers instead of asking again.',
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
  // --- Resident actions ("tell us once", ADR 0014): begin ---
  INVALID_ADDRESS: {
    http: 200,
    meaning:
      'The address given is not one agencies can send mail to: it needs a street line, a city, a two-letter US state or territory code and a 5-digit ZIP code (or ZIP+4). `extensions.field` names the part at fault. Nothing was recorded.',
    clientAction: 'Ask the resident to correct the part named and send the action again.',
  },
  DATE_OUT_OF_RANGE: {
    http: 200,
    meaning:
      'A date is outside what the agencies’ rules accept (e.g. a move more than 12 months ago or more than 3 months ahead); the message gives the range in plain words and `extensions.earliest`/`extensions.latest` give it as dates. Nothing was recorded.',
    clientAction: 'Ask the resident for a date in the range given.',
  },
  AGENCY_NOT_NOTIFIABLE: {
    http: 200,
    meaning:
      'An agency was named that does not take this kind of notice through the graph (or none was named); `extensions.agencies` lists the ones that do. Nothing was recorded.',
    clientAction:
      'Name only agencies from `extensions.agencies`, or leave the list out to tell all of them.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    http: 200,
    meaning:
      'The idempotency key was already used by this resident for a different action or different details. A retry of the same action with the same key answers as the first did; a new action needs a new key. Nothing was recorded.',
    clientAction: 'Send a new idempotency key (e.g. a fresh UUID) for a new action.',
  },
  NOT_ELIGIBLE_ONLINE: {
    http: 200,
    meaning:
      'The agency’s rules do not allow this action online for this resident (e.g. a passport renewal for a child passport, a name change, or outside the renewal window). The message and `extensions.reasons` say why in plain words, each with what to do instead. Nothing was recorded.',
    clientAction: 'Show the reasons; they tell the resident how to do it instead.',
  },
  START_MONTH_NOT_ALLOWED: {
    http: 200,
    meaning:
      'The month asked for retirement benefits to start is one the rules do not allow: in the past, before the month the resident reaches 62, after 70, or more than 4 months ahead (Social Security takes an application at most 4 months before benefits start). The message says why; `extensions.earliest`/`latest` (YYYY-MM) give the months allowed today, when there are any. Nothing was recorded.',
    clientAction: 'Ask the resident for a month in the range given.',
  },
  OUTSIDE_ENROLLMENT_WINDOW: {
    http: 200,
    meaning:
      'Medicare sign-up is open only in an enrollment period (the 7-month Initial Enrollment Period around the 65th birthday, or the General Enrollment Period, January 1 to March 31), and today is in neither. The message names the next period; `extensions.opensOn` gives its first day. Nothing was recorded.',
    clientAction: 'Tell the resident when they can sign up.',
  },
  ALREADY_APPLIED: {
    http: 200,
    meaning:
      'The resident already has an application of this kind in progress (a different idempotency key); a second one would duplicate it. Nothing was recorded.',
    clientAction: 'Show the existing application’s status instead.',
  },
  // --- Resident actions: end ---
  INTERNAL_SERVER_ERROR: {
    http: 200,
    meaning:
      'Something unexpected failed in one field (HTTP 200, the rest of the answer stands) or before GraphQL ran (HTTP 500). Details are logged with the request id, which is in `extensions.requestId`; they are never sent.',
    clientAction: 'Retry later; quote the request id to support.',
  },
} as const satisfies Record<string, { http: number; meaning: string; clientAction: string }>;

export type ErrorCode = keyof typeof errorCodes;
