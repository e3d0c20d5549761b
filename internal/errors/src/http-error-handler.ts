import type { ErrorRequestHandler } from 'express';

/** A GraphQL-shaped error answer made outside GraphQL: an HTTP status and its JSON body. */
export interface HttpErrorAnswer {
  status: number;
  body: { errors: { message: string; extensions: { code: string } }[] };
  /** True when the failure is ours, not the client's: it is logged, and masked here. */
  unexpected: boolean;
}

/**
 * The answer to a failure before GraphQL runs (a body that is not JSON, or too large), as
 * GraphQL-shaped JSON with a registry code; anything that is not a client error is masked.
 */
export function httpErrorAnswer(error: unknown): HttpErrorAnswer {
  const status = clientErrorStatusOf(error);
  if (status === undefined)
    return {
      status: 500,
      body: {
        errors: [
          {
            message: 'Something went wrong on our side. Please try again later.',
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      },
      unexpected: true,
    };
  const error_ =
    status === 413
      ? { message: 'The request body is too large.', extensions: { code: 'REQUEST_TOO_LARGE' } }
      : {
          message: 'The request body must be JSON, such as {"query": "{ __typename }"}.',
          extensions: { code: 'BAD_REQUEST' },
        };
  return { status, body: { errors: [error_] }, unexpected: false };
}

/**
 * Express error handler for failures before GraphQL runs ({@link httpErrorAnswer}), never
 * Express's default HTML page, which prints a stack trace with file paths outside production.
 */
export function createHttpErrorHandler(
  logUnexpected: (error: unknown, res: Parameters<ErrorRequestHandler>[2]) => void,
): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const answer = httpErrorAnswer(error);
    if (answer.unexpected) logUnexpected(error, res);
    res.status(answer.status).json(answer.body);
  };
}

/** The 4xx status body-parser attaches to the errors it raises. */
function clientErrorStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** The last handler: unknown paths answer as GraphQL-shaped JSON too, never Express's HTML page. */
export const notFoundHandler = (_req: unknown, res: Parameters<ErrorRequestHandler>[2]): void => {
  res.status(404).json({
    errors: [
      {
        message: 'There is nothing here. GraphQL is served at /graphql.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
};
