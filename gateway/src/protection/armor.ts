import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { OperationLimits } from './limits.js';

/**
 * GraphQL Armor's depth, alias and directive limits (see docs/adr/0005-authorization.md for
 * why a library and which parts of it). Its cost limit stays off: it does not count list sizes, so
 * cost is ours (cost-limit.ts). Field suggestions are Apollo Server's own switch
 * (`hideSchemaDetailsFromClientErrors`), so Armor's is off too.
 */
export function armorProtection(limits: OperationLimits): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
} {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Tokens are graphql-js's own parser limit (Apollo Server's parseOptions): it stops lexing at the
    // limit and answers GRAPHQL_PARSE_FAILED; Armor's version would answer HTTP 500.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    // Armor's types name Apollo Server's CommonJS build; ours are its ESM build: the same plugin API.
    plugins: plugins as unknown as ApolloServerPlugin[],
    validationRules,
  };
}
