/**
 * Node flags the gateway runs with, wherever it is started (npm start, the benchmark, the
 * container image and docker-compose.yml; tests/repo/docker-compose.test.ts checks the last two).
 *
 * - A larger young generation (`--max-semi-space-size=64`): every request allocates a few
 *   megabytes that die young (subgraph answers, merged and shaped results, the response text), and
 *   with V8's default 16 MB semi-space the gateway spent about a fifth of its CPU in scavenges on
 *   the public workload. 64 MB cut its CPU per request by about a sixth there.
 * - A slower-growing old generation (`--heap-growing-percent=40`): after each full collection V8
 *   lets the old generation grow to a multiple of what survived, a multiple it picks from how fast
 *   collection runs, up to 4. The gateway's live set is small (about 75 MB) and quick to collect,
 *   so V8 let it grow to three times that, all garbage. 1.4 times keeps peak memory at or below the
 *   plain @apollo/gateway's for a few more full collections (cheap at that size). It is a growth
 *   rate, not a cap: the heap still grows with what is live, so a heavier load cannot run out.
 *
 * docs/performance.md has the measurements; docs/operations.md the trade-off for operators.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=64',
  '--heap-growing-percent=40',
];
