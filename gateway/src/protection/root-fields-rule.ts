import { GraphQLError, Kind, type ValidationRule } from 'graphql';

/**
 * At most `max` top-level fields per operation (fragments on the root count by their fields): each
 * root field can start its own fan-out to the agencies.
 */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      let count = 0;
      const seen = new Set<string>();
      const countIn = (selections: typeof operation.selectionSet.selections) => {
        for (const selection of selections) {
          if (selection.kind === Kind.FIELD) count += 1;
          else if (selection.kind === Kind.INLINE_FRAGMENT)
            countIn(selection.selectionSet.selections);
          else if (!seen.has(selection.name.value)) {
            seen.add(selection.name.value);
            const fragment = context.getFragment(selection.name.value);
            if (fragment) countIn(fragment.selectionSet.selections);
          }
        }
      };
      countIn(operation.selectionSet.selections);
      if (count > max) {
        context.reportError(
          new GraphQLError(`Root field limit of ${max} exceeded, found ${count}.`, {
            nodes: [operation],
          }),
        );
      }
    },
  });
}
