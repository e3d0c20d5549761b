import {
  entitiesQuery,
  startTestSubgraph,
  type TestSubgraph,
  expectOnlyTheCallersEntity,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateResidents } from '@resident-graph/personas/generate';
import { identitySubgraph } from '../subgraph.js';
import type { IdentityDatabase } from '../store/database.js';

describe('identity subgraph: Resident', () => {
  let subgraph: TestSubgraph<IdentityDatabase>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(identitySubgraph);
  });
  afterAll(() => subgraph.stop());

  it('returns the signed-in resident as me', async () => {
    const result = await subgraph.query(
      '{ me { id givenName birthDate mailingAddress { state } assuranceLevel } }',
      { as: 'rsd_ava' },
    );
    expect(result).toEqual({
      data: {
        me: {
          id: 'rsd_ava',
          givenName: 'Ava',
          birthDate: '1961-08-15',
          mailingAddress: { state: 'OH' },
          assuranceLevel: 'VERIFIED',
        },
      },
    });
  });

  it('answers me with null and UNAUTHENTICATED for an anonymous caller, saying why when it knows', async () => {
    const result = await subgraph.query('{ me { id } }', {
      as: {
        residentId: null,
        clientId: null,
        scopes: [],
        assurance: null,
        requestId: 'r',
        authError: 'the access token has expired',
      },
    });
    expect(result.data).toEqual({ me: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toContain('expired');
  });

  it('refuses to show resident B to resident A', async () => {
    const result = await subgraph.query('{ resident(id: "rsd_nora") { id givenName } }', {
      as: 'rsd_ava',
    });
    expect(result.data).toEqual({ resident: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a request that does not carry the gateway’s caller token', async () => {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a caller token signed by anyone but the gateway', async () => {
    const result = await subgraph.query('{ me { id } }', {
      headers: { 'x-resident-graph-caller': 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJyc2RfYXZhIn0.' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });
});

describe('identity subgraph: _entities batching', () => {
  it('resolves 100 distinct Resident representations with one store query, and only the caller’s', async () => {
    const residents = [...generateResidents(100, '2026-06-15')];
    const subgraph = await startTestSubgraph(identitySubgraph, { residents });
    try {
      const caller = residents[0]!.id;
      const result = await subgraph.query<{ _entities: ({ id: string } | null)[] }>(
        entitiesQuery('Resident', 'id givenName'),
        {
          as: caller,
          variables: {
            representations: residents.map((r) => ({ __typename: 'Resident', id: r.id })),
          },
        },
      );
      expect(subgraph.store.queryCount()).toBe(1);
      expect(result.data?._entities[0]?.id).toBe(caller);
      expectOnlyTheCallersEntity(result);
    } finally {
      await subgraph.stop();
    }
  });
});
