// GraphQL over Node's own HTTP request and response, without Express: what the gateway and every
// subgraph share to serve `POST /graphql` cheaply (docs/adr/0019-graphql-without-express.md).
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { httpErrorAnswer } from '@resident-graph/errors';
import bodyParser from 'body-parser';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The path GraphQL is served on, by the gateway and by every subgraph. */
export const GRAPHQL_PATH = '/graphql';

/** A request whose body a JSON parser has read (`undefined` when there was none). */
export type ParsedRequest = IncomingMessage & { body?: unknown };

/** `/graphql`, with or without a trailing slash or a query string. */
export function isGraphQLPath(url: string | undefined): boolean {
  if (!url?.startsWith(GRAPHQL_PATH)) return false;
  const rest = url.slice(GRAPHQL_PATH.length);
  return rest === '' || rest === '/' || rest.startsWith('?') || rest.startsWith('/?');
}

/**
 * Reads a JSON body of at most `limit` into `req.body` (body-parser, as Apollo's standalone server
 * does); `done` gets body-parser's error (with its 4xx `status`) when the body is refused.
 */
export function createJsonBodyReader(
  limit: number | string,
): (req: IncomingMessage, res: ServerResponse, done: (error?: unknown) => void) => void {
  return bodyParser.json({ limit });
}

/**
 * Runs one GraphQL request through Apollo Server (`executeHTTPGraphQLRequest`) and writes its
 * answer, as Apollo's own integrations do. Rejects only when Apollo itself fails.
 */
export async function serveGraphQL<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  req: ParsedRequest,
  res: ServerResponse,
  context: () => Promise<Context>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: query === -1 ? '' : url.slice(query),
      body: req.body,
    },
    context,
  });
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Answers `body` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/** Where a failure outside GraphQL is logged: the request's logger. */
export interface FailureLog {
  error(details: { err: unknown }, message: string): void;
}

/**
 * Answers a failure before or around GraphQL (a refused body, Apollo itself failing) as
 * GraphQL-shaped JSON with a stable code (`httpErrorAnswer`), logging it when it is ours. A failure
 * after the answer began can only end the connection.
 */
export function answerFailure(res: ServerResponse, error: unknown, log: FailureLog): void {
  if (res.headersSent) {
    log.error({ err: error }, 'unexpected error after the answer began');
    res.destroy();
    return;
  }
  const answer = httpErrorAnswer(error);
  if (answer.unexpected) log.error({ err: error }, 'unexpected error outside GraphQL');
  sendJson(res, answer.status, answer.body);
}
