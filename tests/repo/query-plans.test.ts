import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { servableSupergraph } from '@resident-graph/gateway';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// How the gateway plans each example in examples/: which subgraphs it calls, in what order. A schema
// change that adds a round trip to a life-event page shows up here as a reviewed diff.
// As the gateway loads it: without the security specs, whose rules it enforces itself.
const supergraph = Supergraph.build(
  servableSupergraph(
    readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
  ).sdl,
);
const planner = new QueryPlanner(supergraph);

describe.each(['turning-65', 'having-a-child', 'moving', 'leaving-military'])(
  'query plan for examples/%s.graphql',
  (name) => {
    const query = readFileSync(new URL(`../../examples/${name}.graphql`, import.meta.url), 'utf8');
    const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));
    const formatted = prettyFormatQueryPlan(plan);

    it('fetches from identity first, then life-events, then the agencies', () => {
      const services = [...formatted.matchAll(/Fetch\(service: "([^"]+)"\)/g)].map((m) => m[1]);
      expect(services[0]).toBe('identity');
      expect(services[1]).toBe('life-events');
      expect(new Set(services.slice(2)).size).toBeGreaterThanOrEqual(2);
    });

    it('stays as reviewed', async () => {
      await expect(`${formatted}\n`).toMatchFileSnapshot(`query-plans/${name}.txt`);
    });
  },
);
