// `npm run new:subgraph -- <agency>` in a temporary copy of the repository (never this checkout): the
// scaffold composes into the supergraph, passes its own tests, type-checks, and leaves every
// generated-file and dependency check green.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '../../scripts/lib/subgraphs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const AGENCY = 'nps';

/**
 * The repository's files (tracked, or new and not ignored) in a fresh folder, with node_modules
 * linked to this checkout's installed packages except the workspaces, which point at the copy's own.
 */
function copyRepository(): string {
  const copy = mkdtempSync(join(tmpdir(), 'rg-scaffold-'));
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .stdout.split('\0')
    .filter((path) => path && existsSync(join(root, path)));
  for (const path of files) {
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    cpSync(join(root, path), join(copy, path));
  }
  const modules = join(copy, 'node_modules');
  mkdirSync(join(modules, '@resident-graph'), { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== '@resident-graph')
      symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  return copy;
}

/** Links every workspace of `copy` as node_modules/@resident-graph/<name>, as `npm install` would. */
function linkWorkspaces(copy: string): void {
  const folders = ['internal', 'subgraphs'].flatMap((parent) =>
    readdirSync(join(copy, parent)).map((name) => `${parent}/${name}`),
  );
  for (const folder of [...folders, 'gateway', 'ide', 'frontend']) {
    const manifest = join(copy, folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string };
    const link = join(copy, 'node_modules', name);
    if (!existsSync(link)) symlinkSync(join(copy, folder), link);
  }
}

describe('npm run new:subgraph', () => {
  let copy: string;
  const env = Object.fromEntries(
    Object.entries({ ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', NO_COLOR: '1' }).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'FORCE_COLOR',
    ),
  );
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, args, { cwd: copy, env, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };
  const tsx = (script: string, ...args: string[]) => run(['--import', 'tsx', script, ...args]);

  beforeAll(() => {
    copy = copyRepository();
    linkWorkspaces(copy);
  }, 120_000);
  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('scaffolds the agency and registers it', () => {
    const scaffold = tsx('scripts/new-subgraph.ts', AGENCY);
    expect(scaffold.output).toContain(`Created subgraphs/${AGENCY}/`);
    expect(scaffold.status).toBe(0);
    linkWorkspaces(copy);
    expect(readFileSync(join(copy, 'scripts/lib/subgraphs.ts'), 'utf8')).toContain(
      `${AGENCY}Subgraph,`,
    );
    // A second run refuses rather than overwrite the team's work.
    expect(tsx('scripts/new-subgraph.ts', AGENCY).status).toBe(1);
  });

  it('composes into the supergraph', () => {
    const compose = tsx('scripts/compose.ts');
    // The registered subgraphs and the new one.
    expect(compose.output).toContain(`Composed ${subgraphs.length + 1} subgraphs`);
    expect(compose.status).toBe(0);
    expect(readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8')).toContain(
      `${AGENCY.toUpperCase()} @join__graph(name: "${AGENCY}"`,
    );
    // Where access rules live in the schema, their generated docs follow the supergraph.
    if (existsSync(join(copy, 'scripts/generate-authorization-docs.ts'))) {
      expect(tsx('scripts/generate-authorization-docs.ts').status).toBe(0);
    }
  }, 60_000);

  it('passes its own tests and the docker-compose checks', () => {
    const tests = run([
      'node_modules/vitest/vitest.mjs',
      'run',
      `subgraphs/${AGENCY}`,
      'tests/repo/docker-compose.test.ts',
    ]);
    // Its two suites (also run again on PostgreSQL by the postgres project) and the compose checks.
    const passed = Number(/Test Files\s+(\d+) passed/.exec(tests.output)?.[1] ?? 0);
    expect(passed).toBeGreaterThanOrEqual(3);
    expect(tests.output).not.toMatch(/failed/);
    expect(tests.status).toBe(0);
  }, 120_000);

  it('type-checks, and leaves generated files and dependencies consistent', () => {
    const types = run(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
    expect(types.output.trim()).toBe('');
    expect(types.status).toBe(0);
    expect(tsx('scripts/check-dependencies.ts').status).toBe(0);
    const generated = tsx('scripts/check-generated.ts');
    expect(generated.output).toContain('Generated files are up to date');
    expect(generated.status).toBe(0);
  }, 180_000);
});
