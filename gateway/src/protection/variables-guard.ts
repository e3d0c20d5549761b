import type { RequestHandler } from 'express';

/**
 * Refuses a request whose variables nest deeper than `maxDepth` before GraphQL sees them: coercing a
 * deeply nested value recurses once per level, and no argument of this graph needs more than a few.
 * Runs after body parsing, which already bounds the size.
 */
export function variablesGuard(maxDepth: number): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    const requests = Array.isArray(body) ? body : [body];
    for (const request of requests) {
      const variables = (request as { variables?: unknown } | null)?.variables;
      if (variables !== undefined && depthOver(variables, maxDepth)) {
        res.status(400).json({
          errors: [
            {
              message: `The variables nest more than ${maxDepth} levels deep.`,
              extensions: { code: 'BAD_USER_INPUT' },
            },
          ],
        });
        return;
      }
    }
    next();
  };
}

/** Whether `value` nests deeper than `max`, found without recursion (a hostile value may be deep). */
function depthOver(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
