export { createTestGatewayKey, testCaller, signCallerToken } from './caller-tokens.js';
export { startTestSubgraph, entitiesQuery, TEST_TODAY, type TestSubgraph, type GraphQLResponse } from './subgraph-harness.js';
