import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** The SDL clients see of a supergraph: its API schema, without the federation machinery. */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema());
}

/**
 * The API schema as a graphql-js schema. Printed and rebuilt rather than converted, so it belongs to
 * the caller's copy of graphql-js, not to federation's.
 */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  return buildSchema(apiSchemaSdl(supergraphSdl));
}
