import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { accessRulesFromSdl } from '@resident-graph/authorization';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { protectTypes, type Protection } from './access.js';
import { enforceAccessRules } from './enforce-access.js';

/** Federation 2 directives a subgraph may use; one version for every subgraph. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@authenticated", "@requiresScopes", "@policy"])`;

/** Resolvers for entities: `__resolveReference` per type name. */
export type ReferenceResolvers<Context> = Record<
  string,
  { __resolveReference: (reference: never, context: Context) => unknown }
>;

export interface FederatedSchemaOptions<Context> {
  referenceResolvers?: ReferenceResolvers<Context>;
  /** Types every non-key field of which needs this protection (see `protectTypes`). */
  protectedTypes?: Readonly<Record<string, Protection>>;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql prints the SDL with
 * its directives (`@key`, `@requires`, `@requiresScopes`, …), `@apollo/subgraph` adds
 * `_entities`/`_service`, the resolvers type-graphql generated are merged with the reference
 * resolvers, and every field the SDL protects is checked against the caller before it resolves.
 */
export async function buildFederatedSchema<Context>(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  { referenceResolvers = {}, protectedTypes = {} }: FederatedSchemaOptions<Context> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ validate: false, ...options, skipCheck: true });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  const typeDefs = protectTypes(
    parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    protectedTypes,
  );
  return enforceAccessRules(
    buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }),
    accessRulesFromSdl(typeDefs),
  );
}
