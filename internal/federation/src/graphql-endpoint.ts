import { HeaderMap, type ApolloServer } from '@apollo/server';
import {
  CALLER_HEADER,
  CallerTokenError,
  REQUEST_ID_HEADER,
  type Caller,
} from '@resident-graph/caller';
import { httpErrorAnswer, type HttpErrorAnswer } from '@resident-graph/errors';
import type { Logger } from '@resident-graph/logging';
import { activeTraceId, runInContext, startServerSpan } from '@resident-graph/observability';
import bodyParser from 'body-parser';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The path a subgraph serves GraphQL on. */
export const GRAPHQL_PATH = '/graphql';

/** The largest request body a subgraph reads; the gateway's own limit is smaller. */
const MAX_BODY = '1mb';

/** The context every resolver gets: the agency's own, plus who is asking and the request's logger. */
export type SubgraphContext<Context> = Context & { caller: Caller; requestLogger: Logger };

export interface GraphQLEndpointOptions<Context> {
  /** Started before the first request. */
  apollo: ApolloServer<SubgraphContext<Context>>;
  logger: Logger;
  verifyCaller: (token: string | undefined, requestIdHeader?: string | string[]) => Promise<Caller>;
  createContext: (caller: Caller) => Context;
}

const NOT_THROUGH_GATEWAY: HttpErrorAnswer['body'] = {
  errors: [
    {
      message: 'This service only answers requests that come through the Resident Graph gateway.',
      extensions: { code: 'UNAUTHENTICATED' },
    },
  ],
};

/**
 * A subgraph's `/graphql` endpoint on Node's own request and response, as Apollo's standalone server
 * serves one: body parsing and `executeHTTPGraphQLRequest`, without Express's router, request and
 * response objects (about a tenth of a subgraph's CPU per request, docs/performance.md).
 *
 * In order, per request: a span (child of the gateway's fetch span); the caller token, checked
 * before the body is even read, so nobody who goes around the gateway gets anything parsed or
 * executed; the JSON body; GraphQL. One access-log line per request with the request id, and every
 * failure outside GraphQL answered as GraphQL-shaped JSON with a stable code.
 */
export function createGraphQLEndpoint<Context extends object>(
  options: GraphQLEndpointOptions<Context>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, logger, verifyCaller, createContext } = options;
  const parseJson = bodyParser.json({ limit: MAX_BODY });

  return (req, res) => {
    const began = performance.now();
    let caller: Caller | undefined;
    let requestLogger = logger;
    const active = startServerSpan(req, res, GRAPHQL_PATH, (): Record<string, string> =>
      caller ? { 'request.id': caller.requestId } : {},
    );

    const fail = (error: unknown) => {
      if (res.headersSent) {
        requestLogger.error({ err: error }, 'unexpected error after the answer began');
        res.destroy();
        return;
      }
      const answer = httpErrorAnswer(error);
      if (answer.unexpected)
        requestLogger.error({ err: error }, 'unexpected error outside GraphQL');
      sendJson(res, answer.status, answer.body);
    };

    const execute = (verified: Caller) => {
      const body: unknown = (req as { body?: unknown }).body;
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      const url = req.url ?? '';
      const query = url.indexOf('?');
      apollo
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: (req.method ?? 'GET').toUpperCase(),
            headers,
            search: query === -1 ? '' : url.slice(query),
            body,
          },
          context: async () => ({ ...createContext(verified), caller: verified, requestLogger }),
        })
        .then(async (answer) => {
          for (const [name, value] of answer.headers) res.setHeader(name, value);
          res.statusCode = answer.status ?? 200;
          if (answer.body.kind === 'complete') {
            res.end(answer.body.string);
            return;
          }
          for await (const chunk of answer.body.asyncIterator) res.write(chunk);
          res.end();
        })
        .catch(fail);
    };

    const accept = (verified: Caller) => {
      caller = verified;
      const traceId = activeTraceId();
      requestLogger = logger.child({
        requestId: verified.requestId,
        ...(traceId ? { traceId } : {}),
      });
      res.once('finish', () => {
        const body = (req as { body?: { operationName?: unknown } }).body;
        requestLogger.info(
          {
            operationName: typeof body?.operationName === 'string' ? body.operationName : null,
            status: res.statusCode,
            durationMs: Math.round(performance.now() - began),
          },
          'graphql request',
        );
      });
      parseJson(req, res, (error?: unknown) => {
        // The body's stream callbacks do not carry the request's trace context along.
        if (error) runInContext(active, () => fail(error));
        else runInContext(active, () => execute(verified));
      });
    };

    runInContext(active, () => {
      const header = req.headers[CALLER_HEADER];
      verifyCaller(Array.isArray(header) ? header[0] : header, req.headers[REQUEST_ID_HEADER])
        .then(accept, (error: unknown) => {
          if (!(error instanceof CallerTokenError)) {
            fail(error);
            return;
          }
          logger.warn({ reason: error.message }, 'refused request without a valid caller token');
          sendJson(res, 401, NOT_THROUGH_GATEWAY);
        })
        .catch(fail);
    });
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}
