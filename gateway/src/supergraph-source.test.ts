import { createLogger } from '@resident-graph/logging';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSupergraphSource,
  prepareSupergraph,
  type ReloadAttempt,
} from './supergraph-source.js';

const supergraph = readFileSync(
  new URL('../../schema/supergraph.graphql', import.meta.url),
  'utf8',
);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const logger = createLogger('test', 'silent');

describe('prepareSupergraph', () => {
  it('versions a supergraph by the sha256 of its text and lists its subgraphs', () => {
    const prepared = prepareSupergraph(supergraph);
    expect(prepared.hash).toBe(sha256(supergraph));
    expect(prepared.subgraphs).toContain('ssa');
  });

  it('serves the supergraph without the security specs, keeping their rules', () => {
    const prepared = prepareSupergraph(supergraph);
    expect(supergraph).toContain('for: SECURITY');
    expect(prepared.sdl).not.toMatch(
      /specs\.apollo\.dev\/(authenticated|requiresScopes|policy)|@requiresScopes|@policy|@authenticated/,
    );
    expect(prepared.rules.field('TaxRefund', 'amount')?.scopes).toEqual([[['irs:read']]]);
  });

  it('refuses text that is not a supergraph', () => {
    expect(() => prepareSupergraph('type Query { a: String }')).toThrow(/not a supergraph/);
    expect(() => prepareSupergraph('type Query {')).toThrow();
  });
});

describe('createSupergraphSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-source-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies a changed file, keeps serving when update refuses one, and says so in its status', async () => {
    const path = join(dir, 'supergraph.graphql');
    writeFileSync(path, supergraph);
    const attempts: ReloadAttempt[] = [];
    const source = createSupergraphSource({
      text: supergraph,
      watch: { path, intervalMs: 60_000 },
      logger,
      onReload: (attempt) => attempts.push(attempt),
    });
    const applied: string[] = [];
    let refuse = false;
    const { supergraphSdl, cleanup } = await source.hook({
      update: (sdl) => {
        if (refuse) throw new Error('invalid supergraph');
        applied.push(sdl);
      },
    });
    const served = (text: string) => prepareSupergraph(text).sdl;
    expect(supergraphSdl).toBe(served(supergraph));
    expect(source.rulesFor(supergraphSdl)).toBe(source.initial.rules);

    await source.checkNow();
    expect(applied).toEqual([]); // unchanged file: nothing to do

    // A new version: one more field on a type, so the served text differs too.
    const next = supergraph.replace('type Query', 'type Query\n  @join__type(graph: IDENTITY)');
    writeFileSync(path, next);
    await source.checkNow();
    expect(applied).toEqual([served(next)]);
    expect(source.rulesFor(served(next))).toBeDefined();
    expect(source.rulesFor(served(supergraph))).toBeDefined(); // requests still on the old one
    expect(source.status()).toMatchObject({
      hash: sha256(next),
      lastReload: { result: 'applied' },
    });

    refuse = true;
    const bad = `${supergraph}\n# v3\n`;
    writeFileSync(path, bad);
    await source.checkNow();
    await source.checkNow(); // the same rejected text is not tried twice
    expect(source.status()).toMatchObject({
      hash: sha256(next),
      lastReload: { result: 'rejected', hash: sha256(bad), error: 'invalid supergraph' },
    });
    expect(attempts.map((a) => a.result)).toEqual(['applied', 'rejected']);

    writeFileSync(path, 'type Query {');
    await source.checkNow();
    expect(source.status().hash).toBe(sha256(next));
    await cleanup?.();
  });
});
