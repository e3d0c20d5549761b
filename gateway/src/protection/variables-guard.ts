import type { RequestHandler } from 'express';

/** The answer refusing a request, as GraphQL-shaped JSON. */
export interface VariablesRefusal {
  errors: { message: string; extensions: { code: 'BAD_USER_INPUT' } }[];
}

/**
 * The refusal of a request whose variables nest deeper than `maxDepth`, checked before GraphQL sees
 * them: coercing a deeply nested value recurses once per level, and no argument of this graph needs
 * more than a few. Runs after body parsing, which already bounds the size. Undefined: let it in.
 */
export function variablesRefusal(body: unknown, maxDepth: number): VariablesRefusal | undefined {
  const requests = Array.isArray(body) ? body : [body];
  for (const request of requests) {
    const variables = (request as { variables?: unknown } | null)?.variables;
    if (variables !== undefined && depthOver(variables, maxDepth))
      return {
        errors: [
          {
            message: `The variables nest more than ${maxDepth} levels deep.`,
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      };
  }
  return undefined;
}

/** {@link variablesRefusal} as Express middleware: 400 with the refusal. */
export function variablesGuard(maxDepth: number): RequestHandler {
  return (req, res, next) => {
    const refusal = variablesRefusal(req.body, maxDepth);
    if (refusal) res.status(400).json(refusal);
    else next();
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
