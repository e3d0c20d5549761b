import type { Policy, Scope } from '@resident-graph/authorization';
import {
  Kind,
  parse,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
} from 'graphql';
import { Directive } from 'type-graphql';

/**
 * What reading a field takes, declared where the data lives with Federation's own directives: every
 * listed scope and policy is needed (one AND set). See docs/authorization.md for the vocabulary.
 */
export interface Protection {
  /** Default true when scopes or policies are given: they need a signed-in resident anyway. */
  readonly authenticated?: boolean;
  readonly scopes?: readonly Scope[];
  readonly policies?: readonly Policy[];
}

/** The directives (SDL) that declare `protection`. */
export function protectionDirectives(protection: Protection): string[] {
  const { scopes = [], policies = [] } = protection;
  const authenticated = protection.authenticated ?? (scopes.length > 0 || policies.length > 0);
  const list = (items: readonly string[]) =>
    `[[${items.map((i) => JSON.stringify(i)).join(', ')}]]`;
  return [
    ...(authenticated ? ['@authenticated'] : []),
    ...(scopes.length > 0 ? [`@requiresScopes(scopes: ${list(scopes)})`] : []),
    ...(policies.length > 0 ? [`@policy(policies: ${list(policies)})`] : []),
  ];
}

/**
 * Declares a field's protection: `@Protect({ scopes: ['ssa:read'] })` beside `@Field`. The gateway
 * refuses the field before fetching, and this subgraph checks it again from the caller token.
 */
export function Protect(protection: Protection): MethodDecorator & PropertyDecorator {
  const decorators = protectionDirectives(protection).map((sdl) => Directive(sdl));
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor as never);
  };
}

/**
 * Adds `protection` to every field of the named types except their `@key` and `@external` fields
 * (those belong to the subgraph that resolves them), in printed SDL.
 * For entities whose fields come from a shared base class (agency tasks), where a decorator per field
 * cannot be written; the key stays open because other subgraphs (life-events) hold it too.
 */
export function protectTypes(
  sdl: DocumentNode,
  protectedTypes: Readonly<Record<string, Protection>>,
): DocumentNode {
  const missing = new Set(Object.keys(protectedTypes));
  const protectedSdl = visit(sdl, {
    ObjectTypeDefinition(node) {
      const protection = protectedTypes[node.name.value];
      if (!protection) return undefined;
      missing.delete(node.name.value);
      const keyFields = new Set(
        (node.directives ?? []).filter((d) => d.name.value === 'key').flatMap(keyFieldNames),
      );
      const added = protectionDirectives(protection).map(parseDirective);
      return {
        ...node,
        fields: node.fields?.map((field): FieldDefinitionNode =>
          keyFields.has(field.name.value) || isExternal(field)
            ? field
            : { ...field, directives: [...(field.directives ?? []), ...added] },
        ),
      };
    },
  });
  if (missing.size > 0)
    throw new Error(`protected types not in the schema: ${[...missing].join(', ')}`);
  return protectedSdl;
}

const isExternal = (field: FieldDefinitionNode) =>
  (field.directives ?? []).some((d) => d.name.value === 'external');

function keyFieldNames(key: ConstDirectiveNode): string[] {
  const fields = key.arguments?.find((a) => a.name.value === 'fields')?.value;
  return fields?.kind === Kind.STRING ? fields.value.split(/[\s{}]+/).filter(Boolean) : [];
}

function parseDirective(sdl: string): ConstDirectiveNode {
  const document = parse(`scalar X ${sdl}`);
  const definition = document.definitions[0];
  const directive =
    definition?.kind === Kind.SCALAR_TYPE_DEFINITION ? definition.directives?.[0] : undefined;
  if (!directive) throw new Error(`not a directive: ${sdl}`);
  return directive;
}
