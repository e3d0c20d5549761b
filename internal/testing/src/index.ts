export { createTestGatewayKey, testCaller, signCallerToken } from './caller-tokens.js';
export {
  startTestSubgraph,
  startSeededSubgraph,
  openTestStore,
  entitiesQuery,
  TEST_TODAY,
  type TestSubgraph,
  type GraphQLResponse,
  type SubgraphFixtureOptions,
} from './subgraph-harness.js';
export { describeLoaderBatching } from './loader-batching.js';
export { expectStatusCodeEnum } from './status-codes.js';
export { expectOnlyTheCallersEntity } from './only-the-callers.js';
export { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy.js';
export { testPostgresServerUrl } from './config.js';
export { deleteRedisKeys, eventually, SHARED_TEST_REDIS_URL, uniqueRedisPrefix } from './redis.js';
