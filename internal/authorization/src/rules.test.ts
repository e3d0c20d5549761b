import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeRequirement } from './requirement.js';
import { AccessRuleError, accessRulesFromSdl } from './rules.js';

const sdl = (text: string) => parse(text);

describe('accessRulesFromSdl', () => {
  it('reads field directives, applies a type’s to all its fields, and leaves the rest open', () => {
    const rules = accessRulesFromSdl(
      sdl(`
        type Query { me: Resident @authenticated  catalog: [String!]! }
        type Resident { id: ID!  ssn: String @requiresScopes(scopes: [["ssa:read"]]) @policy(policies: [["assurance:verified"]]) }
        type TaxRefund @requiresScopes(scopes: [["irs:read"]]) { amount: Int  year: Int @authenticated }
      `),
    );
    expect(rules.field('Query', 'catalog')).toBeUndefined();
    expect(rules.field('Resident', 'id')).toBeUndefined();
    expect(describeRequirement(rules.field('Query', 'me')!)).toBe('signed in');
    expect(describeRequirement(rules.field('Resident', 'ssn')!)).toBe(
      'scope ssa:read; policy assurance:verified',
    );
    expect(describeRequirement(rules.field('TaxRefund', 'amount')!)).toBe('scope irs:read');
    expect(describeRequirement(rules.field('TaxRefund', 'year')!)).toBe(
      'signed in; scope irs:read',
    );
    expect(rules.entries().map(([coordinate]) => coordinate)).toEqual([
      'Query.me',
      'Resident.ssn',
      'TaxRefund.amount',
      'TaxRefund.year',
    ]);
  });

  it('keeps Federation’s OR of ANDs', () => {
    const rules = accessRulesFromSdl(
      sdl(
        `type Resident { birthDate: String @requiresScopes(scopes: [["identity:read"], ["ssa:read", "cms:read"]]) }`,
      ),
    );
    expect(rules.field('Resident', 'birthDate')?.scopes).toEqual([
      [['identity:read'], ['ssa:read', 'cms:read']],
    ]);
  });

  it('refuses scopes and policies nobody defined, and malformed arguments, listing every problem', () => {
    expect(() =>
      accessRulesFromSdl(
        sdl(`type T {
          a: Int @requiresScopes(scopes: [["ssa:write"]])
          b: Int @policy(policies: [["is-admin"]])
          c: Int @requiresScopes(scopes: [])
        }`),
      ),
    ).toThrow(AccessRuleError);
    try {
      accessRulesFromSdl(
        sdl(
          `type T { a: Int @requiresScopes(scopes: [["ssa:write"]]) b: Int @policy(policies: [["is-admin"]]) c: Int @requiresScopes(scopes: []) }`,
        ),
      );
    } catch (error) {
      expect((error as Error).message.split('\n')).toEqual([
        'T.a: unknown scope(s) ssa:write',
        'T.b: unknown policy(ies) is-admin',
        'T.c: @requiresScopes(scopes:) must be a non-empty [[String!]!]',
      ]);
    }
  });
});
