import type { ApolloServer } from '@apollo/server';
import {
  answerFailure,
  createJsonBodyReader,
  GRAPHQL_PATH,
  sendJson,
  serveGraphQL,
  type ParsedRequest,
} from '@resident-graph/graphql-http';
import type { Logger } from '@resident-graph/logging';
import { activeTraceId, runInContext, startServerSpan } from '@resident-graph/observability';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context.js';
import { variablesRefusal } from './protection/variables-guard.js';
import { REQUEST_ID_RESPONSE_HEADER, requestIdFrom } from './request-id.js';

export interface GraphQLEndpointOptions {
  /** Started before the first request. */
  apollo: ApolloServer<GatewayContext>;
  logger: Logger;
  maxBodyBytes: number;
  maxVariableDepth: number;
  /** The request's context: who is calling (from its access token), its id and logger. */
  contextFor: (req: IncomingMessage, requestId: string, logger: Logger) => Promise<GatewayContext>;
}

/**
 * The gateway's `POST /graphql` on Node's own request and response, without Express (ADR 0019):
 * clients' POSTs come here; `GET /graphql` (the Playground, GET queries) and the operators'
 * endpoints stay on Express.
 * In order: a span (child of the client's traceparent), the request id (echoed in
 * `x-request-id`), the JSON body within the size limit, the variables' depth, then GraphQL. A
 * failure before GraphQL answers as GraphQL-shaped JSON with a stable code, never a stack trace.
 */
export function createGraphQLEndpoint(
  options: GraphQLEndpointOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, logger, maxVariableDepth, contextFor } = options;
  const readBody = createJsonBodyReader(options.maxBodyBytes);

  return (req: ParsedRequest, res) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_RESPONSE_HEADER]);
    const active = startServerSpan(req, res, GRAPHQL_PATH, () => ({ 'request.id': requestId }));
    runInContext(active, () => {
      const traceId = activeTraceId();
      const requestLogger = logger.child({ requestId, ...(traceId ? { traceId } : {}) });
      res.setHeader(REQUEST_ID_RESPONSE_HEADER, requestId);

      const fail = (error: unknown) => answerFailure(res, error, requestLogger);

      const execute = () => {
        const refusal = variablesRefusal(req.body, maxVariableDepth);
        if (refusal) {
          sendJson(res, 400, refusal);
          return;
        }
        serveGraphQL(apollo, req, res, () => contextFor(req, requestId, requestLogger)).catch(fail);
      };

      // The body's stream callbacks do not carry the request's trace context along.
      readBody(req, res, (error?: unknown) =>
        runInContext(active, () => (error ? fail(error) : execute())),
      );
    });
  };
}
