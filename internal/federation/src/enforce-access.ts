import { checkAccess, refusalError, type AccessRules } from '@resident-graph/authorization';
import type { Caller } from '@resident-graph/caller';
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';

/**
 * Checks every protected field again where the data lives, from the gateway-signed caller token:
 * the gateway already removed what the caller may not see, so this refuses only requests that went
 * around it or a gateway that drifted. The rules are read from this subgraph's own SDL, the same
 * directives the gateway reads from the composed supergraph.
 */
export function enforceAccessRules(schema: GraphQLSchema, rules: AccessRules): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const requirement = rules.field(type.name, field.name);
      if (!requirement) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: { caller: Caller }, info) => {
        const refusal = checkAccess(context.caller, requirement);
        if (refusal) throw refusalError(refusal);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
