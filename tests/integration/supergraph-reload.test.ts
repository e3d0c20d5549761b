import { personaResidentId } from '@resident-graph/personas';
import type { TestSystem } from '@resident-graph/testing/system';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQuery, startSystem, supergraphSdl } from './system.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A ConfigMap-style mount as Kubernetes writes it: the file is a symlink through `..data`, which
 * points at a timestamped directory; an update writes a new directory and renames a new `..data`
 * symlink over the old one, so readers see either version whole, never half of one.
 */
class ConfigMapMount {
  readonly path: string;
  private version = 0;
  constructor(
    readonly dir: string,
    text: string,
  ) {
    this.write(text);
    symlinkSync(join('..data', 'supergraph.graphql'), join(dir, 'supergraph.graphql'));
    this.path = join(dir, 'supergraph.graphql');
  }
  write(text: string): void {
    this.version += 1;
    const versionDir = `..v${this.version}`;
    mkdirSync(join(this.dir, versionDir));
    writeFileSync(join(this.dir, versionDir, 'supergraph.graphql'), text);
    symlinkSync(versionDir, join(this.dir, '..data_tmp'));
    renameSync(join(this.dir, '..data_tmp'), join(this.dir, '..data'));
  }
}

type Readiness = {
  status: string;
  checks: {
    supergraph: {
      hash: string;
      lastReload: { result: string; hash: string; error?: string } | null;
    };
  };
};

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('supergraph hot reload', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-supergraph-'));
  const mount = new ConfigMapMount(dir, supergraphSdl);
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      gateway: { supergraphWatch: { path: mount.path, intervalMs: 50 } },
    });
  });
  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const ready = async () =>
    (await (await fetch(`${system.gatewayOrigin}/health/ready`)).json()) as Readiness;
  const queryDescription = async () =>
    (
      await system.query<{ __type: { description: string | null } }>(
        '{ __type(name: "Query") { description } }',
      )
    ).data?.__type.description;

  it('serves a valid new supergraph swapped in under load with zero failed requests, and keeps the old one when the next is invalid', async () => {
    expect((await ready()).checks.supergraph.hash).toBe(sha256(supergraphSdl));
    const token = await system.token(personaResidentId('ava'));
    const query = exampleQuery('turning-65.graphql');
    const failures: unknown[] = [];
    let answered = 0;
    let loading = true;
    const worker = async () => {
      while (loading) {
        const result = await system.query(query, { token }).catch((error: unknown) => ({
          status: 0,
          errors: [error],
        }));
        if (result.status !== 200 || result.errors) failures.push(result.errors ?? result.status);
        answered += 1;
      }
    };
    const workers = Array.from({ length: 4 }, worker);

    // A valid change clients can see: the Query type gains a description.
    const next = supergraphSdl.replace(/^type Query\b/m, '"""Reloaded."""\ntype Query');
    expect(next).not.toBe(supergraphSdl);
    await waitFor('load before the swap', async () => answered >= 8);
    mount.write(next);
    await waitFor(
      'the new supergraph',
      async () => (await ready()).checks.supergraph.hash === sha256(next),
    );
    expect(await queryDescription()).toBe('Reloaded.');
    expect((await ready()).checks.supergraph.lastReload).toMatchObject({
      result: 'applied',
      hash: sha256(next),
    });

    // Valid GraphQL, but not a servable supergraph: a field of a type that does not exist.
    const invalid = `${next}\nextend type Query { broken: NoSuchType }\n`;
    const answeredBefore = answered;
    mount.write(invalid);
    await waitFor(
      'the rejection',
      async () => (await ready()).checks.supergraph.lastReload?.result === 'rejected',
    );
    const afterRejection = await ready();
    expect(afterRejection.status).toBe('ready');
    expect(afterRejection.checks.supergraph.hash).toBe(sha256(next));
    expect(afterRejection.checks.supergraph.lastReload).toMatchObject({ hash: sha256(invalid) });
    expect(await queryDescription()).toBe('Reloaded.');
    await waitFor('load after the rejection', async () => answered >= answeredBefore + 8);

    loading = false;
    await Promise.all(workers);
    expect(failures).toEqual([]);

    const metrics = await (await fetch(`${system.gatewayOrigin}/metrics`)).text();
    expect(metrics).toMatch(/supergraph_reloads_total\{[^}]*result="applied"[^}]*\} 1/);
    expect(metrics).toMatch(/supergraph_reloads_total\{[^}]*result="rejected"[^}]*\} 1/);
    expect(metrics).toContain(`hash="${sha256(next)}"`);
  });

  it('reports each subgraph’s schema version as the hash of its checked-in SDL', async () => {
    const ssa = new URL(system.subgraphUrls['ssa']!);
    // The gateway reaches ssa directly here (no proxy), so this is the subgraph's own readiness.
    const body = (await (await fetch(new URL('/health/ready', ssa))).json()) as {
      status: string;
      checks: Record<string, string>;
    };
    const checkedIn = readFileSync(
      new URL('../../schema/subgraphs/ssa.graphql', import.meta.url),
      'utf8',
    );
    expect(body).toMatchObject({
      status: 'ready',
      checks: { schema: sha256(checkedIn), database: 'up', redis: 'not configured' },
    });
  });
});
