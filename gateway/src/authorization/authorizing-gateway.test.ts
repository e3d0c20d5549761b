import type {
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { accessRulesFromSdl } from '@resident-graph/authorization';
import type { Caller } from '@resident-graph/caller';
import { buildSchema, Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createAuthorizingGateway } from './authorizing-gateway.js';

const sdl = `
  type Query { me: Resident @authenticated  catalog: [String!]! }
  type Resident {
    id: ID!
    name: String @requiresScopes(scopes: [["identity:read"]])
    benefit: Int @requiresScopes(scopes: [["ssa:read"]])
    refund: Int! @requiresScopes(scopes: [["irs:read"]])
  }
  directive @authenticated on FIELD_DEFINITION
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION
`;
const schema = buildSchema(sdl);
const rules = accessRulesFromSdl(parse(sdl));

/** An inner gateway that records what it was asked to run and answers every field it was given. */
function fakeGateway() {
  const seen: { queryHash: string; query: string }[] = [];
  const inner: GatewayInterface = {
    onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback) {
      callback({ apiSchema: schema, coreSupergraphSdl: sdl });
      return () => undefined;
    },
    async load() {
      return {
        executor: async (context) => {
          seen.push({ queryHash: context.queryHash, query: print(context.document) });
          const me: Record<string, unknown> = { id: 'r1' };
          if (/\bname\b/.test(print(context.document))) me['name'] = 'Ava';
          if (/\bbenefit\b/.test(print(context.document))) me['benefit'] = 1820;
          if (/\brefund\b/.test(print(context.document))) me['refund'] = 377;
          return { data: { me } };
        },
      };
    },
    stop: async () => undefined,
  };
  return { inner, seen };
}

const caller = (residentId: string, scopes: string[]): Caller => ({
  residentId,
  clientId: 'app',
  scopes,
  assurance: 'VERIFIED',
  requestId: 'r',
  authError: null,
});

async function run(
  executor: NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>,
  who: Caller,
  query: string,
  operationName: string | null = null,
) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION &&
      (operationName === null || d.name?.value === operationName),
  )!;
  return executor({
    schema,
    document,
    operation,
    operationName,
    queryHash: 'hash-of-the-operation',
    request: { query, ...(operationName ? { operationName } : {}) },
    context: { caller: who },
  } as unknown as GatewayGraphQLRequestContext);
}

describe('authorizing gateway', () => {
  const query = '{ me { id name benefit } }';

  it('passes an operation the caller may read in full through untouched', async () => {
    const { inner, seen } = fakeGateway();
    const { executor } = await createAuthorizingGateway({ inner, rulesFor: () => rules }).load({
      apollo: {},
    });
    const result = await run(executor!, caller('r1', ['identity:read', 'ssa:read']), query);
    expect(result).toEqual({ data: { me: { id: 'r1', name: 'Ava', benefit: 1820 } } });
    expect(seen).toEqual([{ queryHash: 'hash-of-the-operation', query: print(parse(query)) }]);
  });

  it('plans by the operation and the refused fields, never by caller', async () => {
    const { inner, seen } = fakeGateway();
    const { executor } = await createAuthorizingGateway({ inner, rulesFor: () => rules }).load({
      apollo: {},
    });
    const a = await run(executor!, caller('r1', ['identity:read']), query);
    const b = await run(executor!, caller('r2', ['identity:read', 'irs:read']), query);
    const c = await run(executor!, caller('r3', ['ssa:read']), query);
    expect(seen[0]?.queryHash).toBe(seen[1]?.queryHash);
    expect(seen[0]?.queryHash).not.toBe('hash-of-the-operation');
    expect(seen[2]?.queryHash).not.toBe(seen[0]?.queryHash);
    expect(seen[0]?.query).not.toContain('benefit');
    expect(seen[2]?.query).not.toContain('name');
    expect(a.data).toEqual({ me: { id: 'r1', name: 'Ava', benefit: null } });
    expect(b.data).toEqual(a.data);
    expect(c.errors?.map((e) => [e.path, e.extensions['reason']])).toEqual([
      [['me', 'name'], 'scope:identity:read'],
    ]);
  });

  it('keeps the operations of one document apart', async () => {
    const { inner, seen } = fakeGateway();
    const { executor } = await createAuthorizingGateway({ inner, rulesFor: () => rules }).load({
      apollo: {},
    });
    const document = 'query A { me { id benefit } } query B { me { name benefit } }';
    const who = caller('r1', ['identity:read']);
    await run(executor!, who, document, 'A');
    await run(executor!, who, document, 'B');
    expect(seen[0]?.queryHash).not.toBe(seen[1]?.queryHash);
    expect(seen[0]?.query).toMatch(/query A/);
    expect(seen[1]?.query).toMatch(/query B/);
  });

  it('fails closed on a schema it has no rules for', async () => {
    const { inner } = fakeGateway();
    const { executor } = await createAuthorizingGateway({ inner, rulesFor: () => undefined }).load({
      apollo: {},
    });
    await expect(run(executor!, caller('r1', []), query)).rejects.toThrow(/no access rules/);
  });

  it('nulls the parent of a refused non-null field', async () => {
    const { inner, seen } = fakeGateway();
    const { executor } = await createAuthorizingGateway({ inner, rulesFor: () => rules }).load({
      apollo: {},
    });
    const result = await run(
      executor!,
      caller('r1', ['identity:read']),
      '{ me { name refund } catalog }',
    );
    expect(seen[0]?.query).not.toContain('refund');
    expect(result.data).toEqual({ me: null, catalog: null });
    expect(result.errors?.map((e) => [e.path, e.extensions['code']])).toEqual([
      [['me', 'refund'], 'FORBIDDEN'],
    ]);
  });
});
