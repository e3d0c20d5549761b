/**
 * Node flags the gateway runs with, wherever it is started (npm start, the benchmark, the
 * container image and docker-compose.yml; tests/repo/docker-compose.test.ts checks the last two).
 *
 * A larger young generation: every request allocates a few megabytes that die young (subgraph
 * answers, merged and shaped results, the response text), and with V8's default 16 MB semi-space
 * the gateway spent about a fifth of its CPU in scavenges on the public workload. 64 MB cut its CPU
 * per request by about a sixth there, for some 100 MB more peak memory under 50 concurrent
 * requests (docs/performance.md, docs/operations.md).
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
