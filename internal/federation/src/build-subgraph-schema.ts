import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

/** Federation 2 directives a subgraph may use; one version for every subgraph. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])`;

/** Resolvers for entities: `__resolveReference` per type name. */
export type ReferenceResolvers<Context> = Record<
  string,
  { __resolveReference: (reference: never, context: Context) => unknown }
>;

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql prints the SDL with
 * its directives (`@key`, `@requires`, …), `@apollo/subgraph` adds `_entities`/`_service`, and the
 * resolvers type-graphql generated are merged with the reference resolvers.
 */
export async function buildFederatedSchema<Context>(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers<Context> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ validate: false, ...options, skipCheck: true });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
