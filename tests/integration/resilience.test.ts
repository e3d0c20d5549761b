import { personaResidentId } from '@resident-graph/personas';
import type { TestSystem } from '@resident-graph/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQuery, startSystem } from './system.js';

describe('one agency down', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
    await system.stopSubgraph('state');
  });
  afterAll(() => system?.stop());

  it('returns the rest of the journey with SUBGRAPH_UNAVAILABLE naming the agency', async () => {
    const token = await system.token(personaResidentId('ava'));
    const result = await system.query<{
      me: {
        givenName: string;
        journey: { steps: { task: { __typename: string; title?: string } | null }[] };
      };
    }>(exampleQuery('turning-65.graphql'), { token });
    expect(result.data?.me.givenName).toBe('Ava');
    const tasks = result.data!.me.journey.steps.map((s) => s.task);
    expect(tasks.find((t) => t?.__typename === 'MedicareEnrollment')?.title).toBeTruthy();
    expect(
      result.errors?.some(
        (e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && /state/.test(e.message),
      ),
    ).toBe(true);
    expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
  });
});
