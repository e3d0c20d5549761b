import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The SDL clients see of a supergraph: its API schema, without the federation machinery. Any linked
 * feature is accepted (`supportedFeatures: null`), security ones such as @authenticated included:
 * this only reads the schema, it never executes against it.
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl, { supportedFeatures: null }).apiSchema());
}

/**
 * The API schema as a graphql-js schema. Printed and rebuilt rather than converted, so it belongs to
 * the caller's copy of graphql-js, not to federation's.
 */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  return buildSchema(apiSchemaSdl(supergraphSdl));
}
