import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { ideAssetsDir } from './assets.js';
import { IDE_ASSETS_PATH } from './ide-config.js';

/** The browser app's source (Vite's root). */
const browserRoot = fileURLToPath(new URL('./browser/', import.meta.url));
const lockfile = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
const stampFile = (outDir: string) => join(outDir, '.inputs-hash');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * A hash of everything the bundle is built from: the browser sources, the shared config types, this
 * file and the lockfile (which pins GraphiQL, React and Vite).
 */
export function ideInputsHash(): string {
  const hash = createHash('sha256');
  const srcDir = fileURLToPath(new URL('./', import.meta.url));
  for (const file of [...filesUnder(srcDir), lockfile]) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(file.slice(srcDir.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** True when `outDir` holds a build of the current inputs. */
export function ideBuildIsFresh(outDir: string = ideAssetsDir): boolean {
  const stamp = stampFile(outDir);
  return (
    existsSync(join(outDir, 'index.html')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === ideInputsHash()
  );
}

/**
 * Builds the IDE (GraphiQL, React, the Monaco workers, styles and fonts) into static files under
 * `outDir`, to be served from IDE_ASSETS_PATH. Skips the work when the last build is of the same
 * inputs, unless `force`. Resolves to whether it built.
 */
export async function buildIde(
  options: { outDir?: string; force?: boolean; quiet?: boolean } = {},
): Promise<boolean> {
  const { outDir = ideAssetsDir, force = false, quiet = false } = options;
  if (!force && ideBuildIsFresh(outDir)) return false;
  const inputs = ideInputsHash();
  // Built beside the target and swapped in whole, so a gateway starting meanwhile (or another build,
  // as when `npm start` and the browser test run at once) never sees half a build.
  const target = outDir.replace(/\/+$/, '');
  const staging = mkdtempSync(`${target}.building-`);
  try {
    await viteBuild(staging, quiet);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(stampFile(staging), inputs);
  const previous = existsSync(target) ? mkdtempSync(`${target}.previous-`) : null;
  if (previous) renameSync(target, join(previous, 'dist'));
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another build of the same inputs got there first: keep its result.
    rmSync(staging, { recursive: true, force: true });
    if (!ideBuildIsFresh(outDir)) throw error;
  }
  if (previous) rmSync(previous, { recursive: true, force: true });
  return true;
}

async function viteBuild(outDir: string, quiet: boolean): Promise<void> {
  await build({
    root: browserRoot,
    base: IDE_ASSETS_PATH,
    configFile: false,
    envDir: false,
    logLevel: quiet ? 'error' : 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      // The editor (Monaco) is large by nature; the page is served from the gateway, not a CDN edge.
      chunkSizeWarningLimit: 8_000,
      reportCompressedSize: false,
      sourcemap: false,
      rollupOptions: {
        // React libraries mark modules "use client" for server components; meaningless in a bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
    worker: { format: 'es' },
  });
}
