// npm run codegen: typed documents for the front-end operations (frontend/operations/*.graphql) into
// frontend/src/generated/, against the API schema of the checked-in schema/supergraph.graphql.
// `npm run check` fails when they are stale or an operation no longer validates.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frontendGeneratedDir, generateFrontendTypes } from './lib/codegen.js';

const root = fileURLToPath(new URL('../', import.meta.url));
let files;
try {
  files = await generateFrontendTypes(
    root,
    readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8'),
  );
} catch (error) {
  console.error(`Code generation failed: ${(error as Error).message}`);
  process.exit(1);
}
// Files no generator writes any more go, so the folder holds exactly the output.
const keep = new Set(files.map((file) => file.path));
for (const name of readdirSync(join(root, frontendGeneratedDir), { withFileTypes: true })) {
  const path = `${frontendGeneratedDir}${name.name}`;
  if (!keep.has(path)) rmSync(join(root, path), { recursive: true, force: true });
}
for (const file of files) {
  mkdirSync(dirname(join(root, file.path)), { recursive: true });
  writeFileSync(join(root, file.path), file.content);
}
console.log(`Generated ${files.map((f) => f.path).join(', ')}`);
