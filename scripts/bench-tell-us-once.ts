// npm run bench:tell-us-once -- [--residents N]: N residents report a move at once through the
// gateway (every subgraph and the gateway as in the integration tests, real HTTP), each told to
// USPS, the IRS, SSA and State over the machine's Redis (a key prefix of its own, removed after).
// Prints how long recording took, and the time until the last agency applied the last notification.
import { generateResidents } from '@resident-graph/personas/generate';
import {
  deleteRedisKeys,
  SHARED_TEST_REDIS_URL,
  TEST_TODAY,
  uniqueRedisPrefix,
} from '@resident-graph/testing';
import { startTestSystem } from '@resident-graph/testing/system';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { subgraphs } from './lib/subgraphs.js';
import { reportMovesAtOnce } from './lib/tell-us-once-load.js';

const { values } = parseArgs({ options: { residents: { type: 'string', default: '1000' } } });
const count = Number(values.residents);
const prefix = uniqueRedisPrefix('bench-tell-us-once');
const residents = [...generateResidents(count, TEST_TODAY)];

const system = await startTestSystem({
  subgraphs,
  supergraphSdl: readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'),
  fixture: {
    residents,
    delivery: {
      redisUrl: SHARED_TEST_REDIS_URL,
      keyPrefix: prefix,
      maxAttempts: 5,
      retryBaseMs: 1_000,
      redeliverAfterMs: 60_000,
    },
  },
});
try {
  const result = await reportMovesAtOnce(system, residents);
  console.log(`${count} residents reported a move at once (4 agencies each):`);
  console.log(
    `  all ${count} declarations recorded (last mutation answered): ${result.recordedMs} ms`,
  );
  console.log(
    `  last notification applied at an agency:                 ${result.lastAppliedMs} ms`,
  );
  console.log(
    `  every outcome back in life-events:                      ${result.allOutcomesMs} ms`,
  );
  for (const [agency, n] of Object.entries(result.perAgency)) {
    console.log(
      `  ${agency.padEnd(5)} processed ${n.processed} (applied ${n.applied}, refused by its rules ${n.refused})`,
    );
  }
} finally {
  await system.stop();
  await deleteRedisKeys(SHARED_TEST_REDIS_URL, prefix);
}
