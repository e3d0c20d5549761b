/**
 * Plain words for the composition errors an agency team meets most, by @apollo/composition's error
 * code (https://www.apollographql.com/docs/graphos/reference/federation/errors). Each says what is
 * wrong and what to do; the library's own message (with the type and field) follows it.
 */
const explanations: Record<string, string> = {
  FIELD_TYPE_MISMATCH:
    'Two subgraphs give the same field different types. A field several subgraphs define must have the same type everywhere (nullability included, unless only one of them is an output).',
  FIELD_ARGUMENT_TYPE_MISMATCH:
    'Two subgraphs give the same argument different types. Make the argument identical in every subgraph that defines the field.',
  INVALID_FIELD_SHARING:
    'A field is resolved by more than one subgraph but not every definition is marked @shareable. Either mark it @shareable everywhere (if each subgraph really returns the same value) or remove it from all but its owner.',
  EXTERNAL_MISSING_ON_BASE:
    'A subgraph marks a field @external (it needs it from another subgraph) but no subgraph defines it. Did its owner rename or remove it?',
  EXTERNAL_TYPE_MISMATCH:
    'A field marked @external has a different type from the one its owning subgraph declares. Copy the owner’s type exactly.',
  REQUIRES_INVALID_FIELDS:
    'A @requires selection names fields that do not exist (or are not @external) on that type. Check the selection against the owning subgraph.',
  KEY_INVALID_FIELDS:
    'A @key names fields the type does not have, or cannot be a key. Check the key selection.',
  KEY_FIELDS_SELECT_INVALID_TYPE:
    'A @key selects a field of a type that cannot be part of a key (a list, interface or union).',
  TYPE_KIND_MISMATCH:
    'The same type name is an object in one subgraph and something else (interface, input, enum…) in another. A type name means one kind of type across the graph.',
  ENUM_VALUE_MISMATCH:
    'An enum used both as input and output has different values in different subgraphs. Define the same values everywhere.',
  EMPTY_MERGED_ENUM_TYPE:
    'Subgraphs define an enum with no value in common, so the merged enum would be empty.',
  REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH:
    'An argument is required in one subgraph but missing in another that defines the same field. Add it everywhere or make it optional.',
  INTERFACE_FIELD_NO_IMPLEM:
    'A type implements an interface but no subgraph gives it one of the interface’s fields.',
  SATISFIABILITY_ERROR:
    'The subgraphs compose, but some query the graph would accept could not be answered: a field is unreachable from where the query arrives (often a missing @key, or a field only one subgraph can resolve without a way to get there).',
  INVALID_GRAPHQL:
    'A subgraph’s schema is not valid GraphQL on its own. Fix the subgraph first (its own tests will say where).',
  DIRECTIVE_DEFINITION_INVALID:
    'A federation directive is used with the wrong arguments or locations; check the @link import and the federation version.',
};

export interface ExplainedCompositionError {
  code: string;
  /** What it means and what to do, in plain words. */
  explanation: string;
  /** @apollo/composition's own message, naming the types and fields. */
  detail: string;
}

/** One composition error (`[CODE] message`, as CompositionError lists them), explained. */
export function explainCompositionError(line: string): ExplainedCompositionError {
  const match = /^\[([A-Z_]+)\]\s*([\s\S]*)$/.exec(line);
  const code = match?.[1] ?? 'ERROR';
  return {
    code,
    explanation:
      explanations[code] ??
      'The subgraphs do not fit together; the detail below says where. See docs/subgraph-contract.md for the shapes every subgraph must keep.',
    detail: match?.[2] ?? line,
  };
}
