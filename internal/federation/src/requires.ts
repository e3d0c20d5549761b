/**
 * A value a field resolver declared with `@requires`: the gateway always sends it in the entity
 * representation, so its absence is a query-planning defect. Throwing (masked as
 * INTERNAL_SERVER_ERROR, logged with `what`) beats answering with a guess.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new Error(`${what} is missing, though the field @requires it`);
  }
  return value;
}
