import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

export interface DependencyProblem {
  workspace: string;
  kind: 'undeclared' | 'unused';
  dependency: string;
}

/** Every module a file imports or re-exports, static or dynamic, as TypeScript reads it (comments and strings are not imports). */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; relative paths and Node built-ins are not dependencies. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || isBuiltin(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.tsx?$/.test(path) ? [path] : [];
  });
}

/**
 * Compares what a workspace's `src/` imports with what its package.json declares, so an agency team
 * that ships its subgraph alone ships exactly what it needs (the root's hoisted node_modules would
 * otherwise hide a missing declaration until a real deployment). Tests may use devDependencies;
 * vitest and the toolchain come from the root.
 */
export function checkWorkspaceDependencies(
  root: string,
  workspaces: readonly string[],
): DependencyProblem[] {
  const problems: DependencyProblem[] = [];
  for (const workspace of workspaces) {
    const manifest = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const declared = new Set(Object.keys(manifest.dependencies ?? {}));
    const declaredForTests = new Set([
      ...declared,
      ...Object.keys(manifest.devDependencies ?? {}),
      'vitest',
    ]);
    const used = new Set<string>();
    for (const file of tsFiles(join(root, workspace, 'src'))) {
      const isTest = file.endsWith('.test.ts');
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const dependency = packageOf(specifier);
        if (!dependency || dependency === manifest.name) continue;
        used.add(dependency);
        if (!(isTest ? declaredForTests : declared).has(dependency)) {
          problems.push({ workspace, kind: 'undeclared', dependency });
        }
      }
    }
    for (const dependency of [...declared, ...Object.keys(manifest.devDependencies ?? {})]) {
      if (!used.has(dependency)) problems.push({ workspace, kind: 'unused', dependency });
    }
  }
  return [
    ...new Map(problems.map((p) => [`${p.workspace} ${p.kind} ${p.dependency}`, p])).values(),
  ];
}

/** Every workspace folder the root package.json names (`internal/*`, `subgraphs/*`, `gateway`). */
export function workspaceFolders(root: string): string[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2))).map(
          (name) => `${pattern.slice(0, -2)}/${name}`,
        )
      : [pattern],
  );
}
