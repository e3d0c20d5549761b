import { startTestSystem, type TestSystem } from '@resident-graph/testing/system';
import { readFileSync } from 'node:fs';
import { subgraphs } from '../../scripts/lib/subgraphs.js';

/** The checked-in supergraph, as the gateway serves it in production. */
export const supergraphSdl = readFileSync(
  new URL('../../schema/supergraph.graphql', import.meta.url),
  'utf8',
);

/** Every subgraph and the gateway, booted on port 0 from their production factories. */
export function startSystem(
  options: Omit<Parameters<typeof startTestSystem>[0], 'subgraphs' | 'supergraphSdl'> = {},
): Promise<TestSystem> {
  return startTestSystem({ subgraphs, supergraphSdl, ...options });
}

export const exampleQuery = (file: string) =>
  readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');

/** The example operations in examples/, one per life event; the README shows them. */
export const examples = [
  { event: 'TURNING_65', file: 'turning-65.graphql' },
  { event: 'HAVING_A_CHILD', file: 'having-a-child.graphql' },
  { event: 'MOVING', file: 'moving.graphql' },
  { event: 'LEAVING_MILITARY', file: 'leaving-military.graphql' },
] as const;
