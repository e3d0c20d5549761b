import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkspaceDependencies } from '../../scripts/lib/workspace-dependencies.js';

describe('workspace dependency check', () => {
  const root = mkdtempSync(join(tmpdir(), 'rg-deps-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const workspace = (name: string, manifest: object, files: Record<string, string>) => {
    mkdirSync(join(root, name, 'src'), { recursive: true });
    writeFileSync(
      join(root, name, 'package.json'),
      JSON.stringify({ name: `@x/${name}`, ...manifest }),
    );
    for (const [file, text] of Object.entries(files))
      writeFileSync(join(root, name, 'src', file), text);
  };

  it('accepts a workspace that declares exactly what it imports', () => {
    workspace(
      'good',
      { dependencies: { graphql: '16', '@x/other': '*' }, devDependencies: { pino: '1' } },
      {
        'a.ts':
          "import { parse } from 'graphql';\nimport type { X } from '@x/other/deep';\nimport { join } from 'node:path';\nimport { y } from './y.js';",
        'a.test.ts': "import { it } from 'vitest';\nimport { pino } from 'pino';",
      },
    );
    expect(checkWorkspaceDependencies(root, ['good'])).toEqual([]);
  });

  it('reads imports as TypeScript does: dynamic ones count, comments and built-ins do not', () => {
    workspace(
      'subtle',
      { dependencies: { zod: '1' } },
      {
        'a.ts':
          "// import { x } from 'kysely';\nimport fs from 'fs';\nconst s = \"from 'express'\";\nexport const z = () => import('zod');",
      },
    );
    expect(checkWorkspaceDependencies(root, ['subtle'])).toEqual([]);
  });

  it('names undeclared imports (a test-only dependency is not enough for shipped code) and unused ones', () => {
    workspace(
      'bad',
      { dependencies: { kysely: '1' }, devDependencies: { jose: '1' } },
      {
        'a.ts': "import { jwtVerify } from 'jose';\nimport express from 'express';",
      },
    );
    expect(checkWorkspaceDependencies(root, ['bad'])).toEqual([
      { workspace: 'bad', kind: 'undeclared', dependency: 'jose' },
      { workspace: 'bad', kind: 'undeclared', dependency: 'express' },
      { workspace: 'bad', kind: 'unused', dependency: 'kysely' },
    ]);
  });
});
