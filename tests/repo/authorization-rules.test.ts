import { accessRulesFromSdl, describeRequirement } from '@resident-graph/authorization';
import { testCaller } from '@resident-graph/testing';
import {
  isObjectType,
  Kind,
  parse,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subgraphs } from '../../scripts/lib/subgraphs.js';

// The gateway reads the access rules from the composed supergraph; each subgraph reads them from its
// own SDL and checks them again. Both come from the same directives, and these tests keep them so:
// a rule the gateway enforces and a subgraph does not (or the reverse) fails here.
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const supergraphRules = accessRulesFromSdl(parse(read('schema/supergraph.graphql')));

describe.each(subgraphs.map((s) => s.name))('access rules of the %s subgraph', (name) => {
  const document = parse(read(`schema/subgraphs/${name}.graphql`));
  const rules = accessRulesFromSdl(document);
  // Every object-type field this subgraph resolves (not @external: another subgraph answers those).
  const resolved = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
    definition.kind === Kind.OBJECT_TYPE_EXTENSION
      ? (definition.fields ?? [])
          .filter((f) => !f.directives?.some((d) => d.name.value === 'external'))
          .map((f) => [definition.name.value, f.name.value] as const)
      : [],
  );

  it('declares for each field it resolves exactly the rule the gateway enforces', () => {
    const describe_ = (r: ReturnType<typeof rules.field>) =>
      r ? describeRequirement(r) : 'public';
    const ours = resolved.map(
      ([type, field]) => `${type}.${field}: ${describe_(rules.field(type, field))}`,
    );
    const gateways = resolved.map(
      ([type, field]) => `${type}.${field}: ${describe_(supergraphRules.field(type, field))}`,
    );
    expect(ours).toEqual(gateways);
  });

  it('checks every protected field it resolves before resolving it', async () => {
    const schema = await subgraphs.find((s) => s.name === name)!.buildSchema();
    const protectedFields = resolved.filter(([type, field]) => rules.field(type, field));
    for (const [typeName, fieldName] of protectedFields) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type in ${name}`);
      const resolve = type.getFields()[fieldName]?.resolve as GraphQLFieldResolver<
        unknown,
        unknown
      >;
      const run = () => resolve({}, {}, { caller: testCaller(null) }, {} as GraphQLResolveInfo);
      expect(run, `${typeName}.${fieldName}`).toThrow(
        expect.objectContaining({
          extensions: { code: 'UNAUTHENTICATED', reason: 'authentication' },
        }),
      );
    }
  });
});

describe('the supergraph’s access rules', () => {
  it('protect every agency field: only the catalog, keys and shared status types are public', () => {
    const supergraph = parse(read('schema/supergraph.graphql'));
    const publicResidentFields = supergraph.definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Resident'
        ? (d.fields ?? [])
            .map((f) => f.name.value)
            .filter((f) => !supergraphRules.field('Resident', f))
        : [],
    );
    expect(publicResidentFields).toEqual(['id']);
    expect(supergraphRules.field('Query', 'lifeEvents')).toBeUndefined();
    expect(describeRequirement(supergraphRules.field('TaxRefund', 'amount')!)).toBe(
      'signed in; scope irs:read; policy assurance:verified',
    );
  });
});
