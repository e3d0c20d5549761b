import {
  Kind,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DocumentNode,
  type FieldDefinitionNode,
} from 'graphql';
import { combine, isOpen, NO_REQUIREMENT, type Requirement } from './requirement.js';
import { isPolicy, isScope, type Policy, type Scope } from './vocabulary.js';

/** Federation's authorization directives, by the names composition gives them in a supergraph. */
export const AUTHORIZATION_DIRECTIVES = ['authenticated', 'requiresScopes', 'policy'] as const;

/**
 * Who may read what, read from SDL that carries Federation's `@authenticated`, `@requiresScopes` and
 * `@policy`: a subgraph's schema or the composed supergraph. The gateway and every subgraph build this
 * from the same directives, so the rule checked before fetching and the one checked where the data
 * lives cannot drift apart. A directive on a type applies to every field of that type.
 */
export interface AccessRules {
  /** What reading `typeName.fieldName` requires, or undefined when anyone may read it. */
  field(typeName: string, fieldName: string): Requirement | undefined;
  /** Every protected field as `[Type.field, requirement]`, sorted by coordinate. */
  entries(): readonly (readonly [string, Requirement])[];
}

export class AccessRuleError extends Error {
  override name = 'AccessRuleError';
}

export function accessRulesFromSdl(document: DocumentNode): AccessRules {
  const problems: string[] = [];
  const typeLevel = new Map<string, Requirement>();
  const fieldLevel = new Map<string, Map<string, Requirement>>();

  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const typeName = definition.name.value;
        const own = requirementOf(definition.directives ?? [], typeName, problems);
        if (!isOpen(own))
          typeLevel.set(typeName, combine(typeLevel.get(typeName) ?? NO_REQUIREMENT, own));
        const fields = fieldLevel.get(typeName) ?? new Map<string, Requirement>();
        for (const field of definition.fields ?? []) addField(fields, typeName, field, problems);
        fieldLevel.set(typeName, fields);
        break;
      }
      default:
        break;
    }
  }
  if (problems.length > 0) throw new AccessRuleError(problems.join('\n'));

  const effective = new Map<string, Requirement>();
  for (const [typeName, fields] of fieldLevel) {
    const ofType = typeLevel.get(typeName) ?? NO_REQUIREMENT;
    for (const [fieldName, own] of fields) {
      const requirement = combine(ofType, own);
      if (!isOpen(requirement)) effective.set(`${typeName}.${fieldName}`, requirement);
    }
  }
  const sorted = [...effective.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    field: (typeName, fieldName) => effective.get(`${typeName}.${fieldName}`),
    entries: () => sorted,
  };
}

function addField(
  fields: Map<string, Requirement>,
  typeName: string,
  field: FieldDefinitionNode,
  problems: string[],
): void {
  const requirement = requirementOf(
    field.directives ?? [],
    `${typeName}.${field.name.value}`,
    problems,
  );
  const previous = fields.get(field.name.value) ?? NO_REQUIREMENT;
  fields.set(field.name.value, combine(previous, requirement));
}

function requirementOf(
  directives: readonly ConstDirectiveNode[],
  where: string,
  problems: string[],
): Requirement {
  let requirement = NO_REQUIREMENT;
  for (const directive of directives) {
    switch (directive.name.value) {
      case 'authenticated':
        requirement = combine(requirement, { ...NO_REQUIREMENT, authenticated: true });
        break;
      case 'requiresScopes': {
        const sets = stringSets(directive, 'scopes', where, problems);
        const unknown = sets.flat().filter((s) => !isScope(s));
        if (unknown.length > 0) problems.push(`${where}: unknown scope(s) ${unknown.join(', ')}`);
        requirement = combine(requirement, { ...NO_REQUIREMENT, scopes: [sets as Scope[][]] });
        break;
      }
      case 'policy': {
        const sets = stringSets(directive, 'policies', where, problems);
        const unknown = sets.flat().filter((p) => !isPolicy(p));
        if (unknown.length > 0)
          problems.push(`${where}: unknown policy(ies) ${unknown.join(', ')}`);
        requirement = combine(requirement, { ...NO_REQUIREMENT, policies: [sets as Policy[][]] });
        break;
      }
      default:
        break;
    }
  }
  return requirement;
}

/** `[["a", "b"], ["c"]]` from a directive argument; a problem when it has another shape. */
function stringSets(
  directive: ConstDirectiveNode,
  argument: string,
  where: string,
  problems: string[],
): string[][] {
  const value = directive.arguments?.find((a) => a.name.value === argument)?.value;
  const sets = value ? listOf(value, (inner) => listOf(inner, stringValue)) : null;
  if (!sets || sets.length === 0 || sets.some((set) => set.length === 0)) {
    problems.push(
      `${where}: @${directive.name.value}(${argument}:) must be a non-empty [[String!]!]`,
    );
    return [];
  }
  return sets;
}

function listOf<T>(value: ConstValueNode, item: (v: ConstValueNode) => T | null): T[] | null {
  if (value.kind !== Kind.LIST) return null;
  const items = value.values.map(item);
  return items.every((i): i is T => i !== null) ? items : null;
}

const stringValue = (value: ConstValueNode): string | null =>
  value.kind === Kind.STRING ? value.value : null;
