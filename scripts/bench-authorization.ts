// npm run bench:authorization: what enforcing the access rules costs per request, against the CPU of
// the whole request, both measured in this run. The whole system (gateway and seven subgraphs) runs
// in this process from the test harness; requests are sequential, so CPU time divides cleanly.
import { Supergraph } from '@apollo/federation-internals';
import { accessRulesFromSdl } from '@resident-graph/authorization';
import { servableSupergraph } from '@resident-graph/gateway';
import { personaResidentId } from '@resident-graph/personas';
import { startTestSystem } from '@resident-graph/testing/system';
import type { AssuranceLevel } from '@resident-graph/caller';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { fillRefused } from '../gateway/src/authorization/fill-refused.js';
import { filterOperation } from '../gateway/src/authorization/filter-operation.js';
import {
  operationOf,
  reachableCoordinates,
  refusalsFor,
} from '../gateway/src/authorization/refusals.js';
import { subgraphs } from './lib/subgraphs.js';

const REQUESTS = 300;
const ITERATIONS = 3000;
const root = new URL('../', import.meta.url);
const supergraphSdl = readFileSync(new URL('schema/supergraph.graphql', root), 'utf8');
const query = readFileSync(new URL('examples/turning-65.graphql', root), 'utf8');

const system = await startTestSystem({ subgraphs, supergraphSdl });
try {
  const schema = Supergraph.build(servableSupergraph(supergraphSdl).sdl)
    .apiSchema()
    .toGraphQLJSSchema();
  const rules = accessRulesFromSdl(parse(supergraphSdl));
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const op = operationOf(schema, document, operation, {});

  console.log(
    `authorization bench: examples/turning-65.graphql, ${REQUESTS} sequential requests each`,
  );
  console.log('| caller | whole request, CPU ms | enforcement, CPU ms | share |');
  console.log('| --- | --- | --- | --- |');
  for (const assurance of ['VERIFIED', 'AUTH_ONLY'] as AssuranceLevel[]) {
    const token = await system.token(personaResidentId('ava'), { assurance });
    for (let i = 0; i < 30; i++) await system.query(query, { token });
    const before = process.cpuUsage();
    let answer: Record<string, unknown> = {};
    for (let i = 0; i < REQUESTS; i++) answer = (await system.query(query, { token })).data ?? {};
    const used = process.cpuUsage(before);
    const wholeMs = (used.user + used.system) / 1000 / REQUESTS;

    // The same steps the gateway runs per request: the reachable fields are memoised per parsed
    // document (as Apollo Server reuses it); a filtered document is cached by its refused set.
    const caller = {
      residentId: personaResidentId('ava'),
      clientId: 'resident-graph-dev',
      scopes: [
        'identity:read',
        'journey:read',
        'ssa:read',
        'cms:read',
        'state:read',
        'irs:read',
        'usps:read',
      ],
      assurance,
      requestId: 'bench',
      authError: null,
    };
    const refusedOnce = refusalsFor(caller, rules, reachableCoordinates(document, op));
    if (refusedOnce.size > 0) filterOperation(schema, document, null, new Set(refusedOnce.keys()));
    const start = performance.now();
    for (let i = 0; i < ITERATIONS; i++) {
      const refused = refusalsFor(caller, rules, reachableCoordinates(document, op));
      if (refused.size > 0) fillRefused(op, answer, refused);
    }
    const enforcementMs = (performance.now() - start) / ITERATIONS;
    console.log(
      `| ${assurance} (${refusedOnce.size} fields refused) | ${wholeMs.toFixed(3)} | ${enforcementMs.toFixed(3)} | ${((enforcementMs / wholeMs) * 100).toFixed(1)}% |`,
    );
  }
} finally {
  await system.stop();
}
