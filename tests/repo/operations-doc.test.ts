import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { subgraphFailureCodes } from '../../gateway/src/resilience/subgraph-errors.js';
import { variablesReadBy } from './variables-read.js';

// docs/operations.md is what operators configure and alert from: every variable the code reads,
// every metric it registers and every agency failure code must be there.
const repoPath = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const doc = readFileSync(repoPath('docs/operations.md'), 'utf8');

/** The text of the section that starts with `heading`, up to the next heading of its level or above. */
function section(heading: string): string {
  const start = doc.indexOf(`${heading}\n`);
  if (start === -1) throw new Error(`docs/operations.md has no "${heading}"`);
  const level = heading.indexOf(' ');
  const rest = doc.slice(start + heading.length);
  const next = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return next === -1 ? rest : rest.slice(0, next);
}

const documented = (text: string) =>
  new Set([...text.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Metric names registered with prom-client anywhere in the services' code. */
const registeredMetrics = [
  repoPath('gateway/src'),
  ...readdirSync(repoPath('internal')).map((d) => repoPath(`internal/${d}/src`)),
]
  .flatMap(sourceFiles)
  .flatMap((file) => [
    ...readFileSync(file, 'utf8').matchAll(
      /new (?:Counter|Gauge|Histogram|Summary)\(\{\s*name: '([a-z_]+)'/g,
    ),
  ])
  .map((m) => m[1]!);

describe('docs/operations.md', () => {
  it.each([
    ['### Gateway', ['gateway/src/config.ts', 'gateway/src/main.ts']],
    ['### Every subgraph', ['internal/federation/src/subgraph-config.ts']],
    ['### Scripts (`npm start`, `npm run seed`)', ['scripts/start.ts', 'scripts/seed.ts']],
  ])('lists under "%s" every variable its code reads', (heading, files) => {
    const listed = documented(section(heading));
    const read = new Set(files.flatMap((file) => [...variablesReadBy(repoPath(file))]));
    expect(read.size).toBeGreaterThan(3);
    expect([...read].filter((name) => !listed.has(name))).toEqual([]);
  });

  it('explains every metric the code registers', () => {
    const metrics = section('## Metrics');
    expect(registeredMetrics.length).toBeGreaterThanOrEqual(8);
    expect(registeredMetrics.filter((name) => !metrics.includes(`| \`${name}\``))).toEqual([]);
  });

  it('has a runbook entry for every code an agency failure produces', () => {
    const runbook = section('## Runbook: an agency is failing');
    const codes = Object.values(subgraphFailureCodes);
    expect(codes.filter((code) => !runbook.includes(`| \`${code}\``))).toEqual([]);
  });

  it('explains scaling out: replicas, load balancer, no stickiness, shared state, a role per agency', () => {
    const scaling = section('## Scaling out');
    for (const topic of [
      'deploy/haproxy.cfg',
      'sticky-free',
      'Redis',
      'PostgreSQL',
      'rg_<agency>',
    ]) {
      expect(scaling).toContain(topic);
    }
  });
});
