import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/**
 * Every module a fresh Node process resolves while importing `entry` (ESM imports and dynamic
 * imports, through a resolve hook; require() calls inside CommonJS packages are not seen).
 */
function modulesLoadedBy(entry: string): string[] {
  const hook = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}`;
  const script = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const loaded = new Set();
port1.on('message', (url) => loaded.add(url));
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)}, {
  data: { port: port2 },
  transferList: [port2],
});
await import(${JSON.stringify(entry)});
// The hook's last messages arrive after the import settles.
await new Promise((resolve) => setTimeout(resolve, 200));
port1.close();
process.stdout.write(JSON.stringify([...loaded]));
`;
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: root, env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true' }, encoding: 'utf8' },
  );
  return JSON.parse(output) as string[];
}

// Memory the gateway never uses at run time is memory every replica pays for under load
// (docs/performance.md, "Memory"): faker came in through the IDE's persona list, the tracing SDK
// with tracing off. Either coming back through a new import would go unnoticed otherwise.
describe('what the services load', () => {
  const gateway = modulesLoadedBy('./gateway/src/gateway.ts');

  it('runs the gateway without the resident generator (faker)', () => {
    expect(gateway.some((url) => url.includes('/gateway/src/gateway.ts'))).toBe(true);
    expect(gateway.some((url) => url.includes('/personas/src/index.ts'))).toBe(true);
    expect(gateway.filter((url) => url.includes('@faker-js'))).toEqual([]);
  });

  it('loads the tracing SDK only when tracing is started', () => {
    const sdk = (urls: string[]) =>
      urls.filter((url) => /@opentelemetry\/(sdk-|exporter-|resources)/.test(url));
    expect(sdk(gateway)).toEqual([]);
    expect(sdk(modulesLoadedBy('./internal/federation/src/run-subgraph.ts'))).toEqual([]);
  });
});
